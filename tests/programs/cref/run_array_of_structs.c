#include "rt.h"
typedef struct { int64_t weight, value; } Item;
typedef struct { Item items[4]; int64_t count; } Bag;
static int64_t total_value(Bag b) { int64_t t = 0; for (int64_t i = 0; i < b.count; i++) t += b.items[i].value; return t; }
int main(void) {
    Item items[4];
    for (int64_t i = 0; i < 4; i++) items[i] = (Item){i + 1, (i+1)*(i+1)*3};
    items[2].value = 1; items[3].weight *= 10;
    Bag bag; for (int i = 0; i < 4; i++) bag.items[i] = items[i]; bag.count = 3;
    ps("value3="); pi(total_value(bag)); nl();
    bag.count = 4; bag.items[0].value = 100;
    ps("value4="); pi(total_value(bag)); ps(" orig items[0].value="); pi(items[0].value); nl();
    int64_t best = 0, best_ratio = -1;
    for (int64_t i = 0; i < 4; i++) {
        Item it = bag.items[i]; int64_t ratio = it.value * 100 / it.weight;
        ps("item "); pi(i); ps(" w="); pi(it.weight); ps(" v="); pi(it.value); ps(" r="); pi(ratio); nl();
        if (ratio > best_ratio) { best_ratio = ratio; best = i; }
    }
    ps("best="); pi(best); nl();
    RET(best_ratio + bag.items[3].weight);
}
