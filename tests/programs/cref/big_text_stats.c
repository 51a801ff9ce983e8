#include "rt.h"
#include <string.h>
static const char *S; static int64_t N;
static int64_t at(int64_t i) { return (i < 0 || i >= N) ? -1 : (unsigned char)S[i]; }
static int64_t lower(int64_t c) { return (c >= 65 && c <= 90) ? c + 32 : c; }
static bool is_letter(int64_t c) { int64_t l = lower(c); return l >= 97 && l <= 122; }
static bool is_vowel(int64_t c) { int64_t l = lower(c); return l == 97 || l == 101 || l == 105 || l == 111 || l == 117; }
static bool pal(int64_t st, int64_t len) { if (len < 3) return false; for (int64_t i = 0; i < len / 2; i++) if (lower(at(st + i)) != lower(at(st + len - 1 - i))) return false; return true; }
static int64_t report(const char *text) {
    S = text; N = strlen(text);
    int32_t freq[26] = {0}; int64_t hist[64] = {0}, hn = 0;
    int64_t words = 0, sent = 0, letters = 0, vowels = 0, longest = 0, lat = 0, pals = 0, i = 0;
    while (i < N) { int64_t c = at(i); if (c == 46 || c == 33 || c == 63) sent++; if (!is_letter(c)) { i++; continue; }
        int64_t st = i; while (i < N && (is_letter(at(i)) || at(i) == 39)) { int64_t d = at(i); if (is_letter(d)) { letters++; freq[lower(d) - 97]++; if (is_vowel(d)) vowels++; } i++; }
        int64_t len = i - st; words++; if (len > longest) { longest = len; lat = st; } if (pal(st, len)) pals++;
        while (hn <= len) hist[hn++] = 0; hist[len]++; }
    printf("text: %s\n", text);
    printf("  words %lld, sentences %lld, letters %lld, vowels %lld, palindromes %lld\n", (long long)words, (long long)sent, (long long)letters, (long long)vowels, (long long)pals);
    printf("  longest word '%.*s' (%lld), average length x100 %lld\n", (int)longest, text + lat, (long long)longest, (long long)(words == 0 ? 0 : letters * 100 / words));
    ps("  top letters:"); bool used[26] = {0};
    for (int k = 0; k < 5; k++) { int best = -1; for (int j = 0; j < 26; j++) if (!used[j] && freq[j] > 0 && (best < 0 || freq[j] > freq[best])) best = j;
        if (best < 0) break; used[best] = true; printf(" %c=%d", best + 97, freq[best]); }
    nl(); ps("  lengths:"); for (int64_t l = 1; l < hn; l++) if (hist[l] > 0) printf(" %lld:%lld", (long long)l, (long long)hist[l]); nl();
    char t[256]; bool prev = false; for (int64_t k = 0; k < N; k++) { int64_t c = at(k); t[k] = (is_letter(c) && !prev && c >= 97) ? c - 32 : c; prev = is_letter(c) || c == 39; } t[N] = 0;
    char r[256]; int64_t rn = 0, end = N; for (int64_t k = N - 1; k >= -1; k--) { if (k == -1 || at(k) == 32) { if (end > k + 1) { if (rn > 0) r[rn++] = ' '; memcpy(r + rn, text + k + 1, end - k - 1); rn += end - k - 1; } end = k; } } r[rn] = 0;
    printf("  title: %s\n  reversed: %s\n", t, r);
    return words * 100 + pals;
}
int main(void) {
    int64_t total = 0;
    total += report("Was it a car or a cat I saw? Anna and Otto did not level with Bob. Noon!");
    total += report("the quick brown fox jumps over the lazy dog");
    total += report("It's   spaced    out...  don't   panic!!");
    total += report("");
    RET(total);
}
