#include "rt.h"
enum { Closed, Listen, SynRcvd, Established, FinWait, TimeWait };
enum { Open, Syn, Ack, Data, Fin, Tick, Reset };
typedef struct { int k; uint32_t seq, ack; int8_t remaining; uint8_t ticks; } Conn;
typedef struct { int k; uint32_t n; uint16_t bytes; } Ev;
typedef struct { int64_t transitions, rejected, delivered; } Stats;
static void show(Conn s) {
    switch (s.k) {
    case Closed: ps("Closed"); break; case Listen: ps("Listen"); break;
    case SynRcvd: printf("SynRcvd(%u)", s.seq); break;
    case Established: printf("Established(%u,%u)", s.seq, s.ack); break;
    case FinWait: printf("FinWait(%d)", s.remaining); break;
    case TimeWait: printf("TimeWait(%u)", s.ticks); break; }
}
static Conn mk(int k) { Conn c = {0}; c.k = k; return c; }
static Conn step(Conn s, Ev e, Stats *st) {
    st->transitions++;
    if (e.k == Reset) return mk(Closed);
    Conn r;
    switch (s.k) {
    case Closed: if (e.k == Open) return mk(Listen); break;
    case Listen: if (e.k == Syn) { r = mk(SynRcvd); r.seq = e.n + 1; return r; } break;
    case SynRcvd: if (e.k == Ack && e.n == s.seq) { r = mk(Established); r.seq = s.seq; r.ack = 0; return r; } break;
    case Established:
        if (e.k == Data) { st->delivered += e.bytes; r = mk(Established); r.seq = s.seq + (uint32_t)e.bytes; r.ack = s.ack + 1; return r; }
        if (e.k == Fin) { r = mk(FinWait); r.remaining = 3; return r; } break;
    case FinWait: if (e.k == Ack) { int8_t left = s.remaining - 1; if (left <= 0) { r = mk(TimeWait); r.ticks = 2; return r; }
        r = mk(FinWait); r.remaining = left; return r; } break;
    case TimeWait: if (e.k == Tick) { if (s.ticks == 0) return mk(Closed); r = mk(TimeWait); r.ticks = s.ticks - 1; return r; } break;
    }
    st->rejected++; return s;
}
static int64_t next(int64_t p, bool w) { return p == 0 ? 1 : p == 1 ? 2 : p == 2 ? (w ? 3 : 2) : 0; }
static int64_t duration(int64_t p) { return p == 0 ? 4 : p == 1 ? 1 : p == 2 ? 5 : 2; }
static char letter(int64_t p) { return p == 0 ? 'R' : p == 1 ? 'r' : p == 2 ? 'G' : 'A'; }
int main(void) {
    Ev script[18] = { {Syn,1,0}, {Open,0,0}, {Syn,4294967295u,0}, {Ack,7,0}, {Ack,0,0}, {Data,0,1000}, {Data,0,65535}, {Tick,0,0},
        {Fin,0,0}, {Data,0,5}, {Ack,1,0}, {Ack,2,0}, {Ack,3,0}, {Tick,0,0}, {Tick,0,0}, {Tick,0,0}, {Tick,0,0}, {Reset,0,0} };
    Stats st = {0}; Conn s = mk(Closed);
    for (int64_t i = 0; i < 18; i++) {
        int64_t before = st.rejected; s = step(s, script[i], &st);
        printf("%lld: ", (long long)i); show(s); if (st.rejected > before) ps("  (rejected)"); nl();
    }
    printf("transitions=%lld rejected=%lld delivered=%lld\n", (long long)st.transitions, (long long)st.rejected, (long long)st.delivered);
    int64_t phase = 0, left = duration(0), greens = 0; bool waiting = false; char line[30];
    for (int64_t t = 0; t < 30; t++) {
        if (t % 7 == 3) waiting = true;
        line[t] = letter(phase); left--;
        if (left == 0) { int64_t np = next(phase, waiting); if (np == 3) waiting = false; if (np == 2 && phase != 2) greens++; phase = np; left = duration(phase); }
    }
    for (int t = 0; t < 30; t++) putchar(line[t]);
    nl();
    printf("greens=%lld final phase=%lld waiting=%s\n", (long long)greens, (long long)phase, waiting ? "true" : "false");
    RET(st.delivered + st.rejected * 100 + greens);
}
