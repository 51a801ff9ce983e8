#include "rt.h"
typedef struct { int64_t x, y; } Point;
typedef struct { Point a, b; } Rect;
typedef struct { Rect frame; uint16_t id; Point origin; } Scene;
static int64_t area(Rect r) { return (r.b.x - r.a.x) * (r.b.y - r.a.y); }
int main(void) {
    Rect r = {{0,0},{4,3}};
    ps("area="); pi(area(r)); nl();
    r.a.x = 1; r.b.y = 10;
    ps("a=("); pi(r.a.x); ps(","); pi(r.a.y); ps(") b=("); pi(r.b.x); ps(","); pi(r.b.y); ps(") area="); pi(area(r)); nl();
    Scene s = { r, 7, {-1,-1} };
    s.frame.b.x = s.frame.b.x * 10; s.origin = (Point){5,6}; s.id = (uint16_t)(s.id + 1);
    ps("scene id="); pi(s.id); ps(" area="); pi(area(s.frame)); ps(" origin="); pi(s.origin.x); ps(","); pi(s.origin.y); nl();
    ps("r unchanged b.x="); pi(r.b.x); nl();
    Point inner = s.frame.a; s.frame.a = (Point){inner.y, inner.x};
    ps("swapped a=("); pi(s.frame.a.x); ps(","); pi(s.frame.a.y); ps(")"); nl();
    RET(area(s.frame) + (int64_t)s.id);
}
