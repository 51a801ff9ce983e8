#!/usr/bin/env python3
"""Generate a large Concrete program and a C program of the same shape.

usage: gen_source.py LINES OUT.con OUT.c
Each unit is a struct, an enum, an impl with methods, and functions with
loops, matches and arithmetic, written once in Concrete and once in C."""
import sys

CON = """struct Copy Point{i} {{ x: i64, y: i64 }}
enum Shape{i} {{ Circle {{ r: i64 }}, Rect {{ w: i64, h: i64 }}, Empty }}
impl Point{i} {{
    pub fn add(&self, o: Point{i}) -> Point{i} {{
        return Point{i} {{ x: self.x + o.x, y: self.y + o.y }};
    }}
    fn norm1(&self) -> i64 {{
        let mut a: i64 = self.x;
        if a < 0 {{ a = -a; }}
        let mut b: i64 = self.y;
        if b < 0 {{ b = 0 - b; }}
        return a + b;
    }}
}}
fn area{i}(s: Shape{i}) -> i64 {{
    match s {{
        Shape{i}::Circle {{ r }} => {{ return 3 * r * r; }}
        Shape{i}::Rect {{ w, h }} => {{ return w * h; }}
        Shape{i}::Empty => {{ return 0; }}
    }}
}}
fn work{i}(n: i64, v: &mut [i64; 16]) with(Console) -> i64 {{
    let mut total: i64 = 0;
    for (let mut i: i64 = 0; i < n; i = i + 1) {{
        let k = (i * 7 + {i}) % 16;
        v[k] = v[k] + i;
        if (i & 3) == 1 {{
            total = total + v[k] * 2 - 1;
        }} else if i % 5 == 0 {{
            total = total - (i >> 1);
        }} else {{
            total = total ^ (i << 2);
        }}
    }}
    let p = Point{i} {{ x: total, y: n }};
    let q = p.add(Point{i} {{ x: 1, y: 2 }});
    let mut j: i64 = 0;
    while j < 10 {{
        total = total + q.norm1() + area{i}(Shape{i}::Rect {{ w: j, h: 2 }});
        j = j + 1;
    }}
    println(total);
    return total;
}}
"""

C = """typedef struct Point{i} {{ long x; long y; }} Point{i};
enum ShapeKind{i} {{ Circle{i}, Rect{i}, Empty{i} }};
typedef struct Shape{i} {{ enum ShapeKind{i} kind; union {{ struct {{ long r; }} c; struct {{ long w; long h; }} rect; }} u; }} Shape{i};
static Point{i} point{i}_add(const Point{i} *self, Point{i} o) {{
    return (Point{i}){{ .x = self->x + o.x, .y = self->y + o.y }};
}}
static long point{i}_norm1(const Point{i} *self) {{
    long a = self->x;
    if (a < 0) {{ a = -a; }}
    long b = self->y;
    if (b < 0) {{ b = 0 - b; }}
    return a + b;
}}
static long area{i}(Shape{i} s) {{
    switch (s.kind) {{
    case Circle{i}: {{ return 3 * s.u.c.r * s.u.c.r; }}
    case Rect{i}: {{ return s.u.rect.w * s.u.rect.h; }}
    case Empty{i}: {{ return 0; }}
    }}
    return 0;
}}
long work{i}(long n, long v[16]) {{
    long total = 0;
    for (long i = 0; i < n; i = i + 1) {{
        long k = (i * 7 + {i}) % 16;
        v[k] = v[k] + i;
        if ((i & 3) == 1) {{
            total = total + v[k] * 2 - 1;
        }} else if (i % 5 == 0) {{
            total = total - (i >> 1);
        }} else {{
            total = total ^ (i << 2);
        }}
    }}
    Point{i} p = {{ .x = total, .y = n }};
    Point{i} q = point{i}_add(&p, (Point{i}){{ .x = 1, .y = 2 }});
    long j = 0;
    while (j < 10) {{
        Shape{i} s = {{ .kind = Rect{i}, .u.rect = {{ .w = j, .h = 2 }} }};
        total = total + point{i}_norm1(&q) + area{i}(s);
        j = j + 1;
    }}
    println(total);
    return total;
}}
"""

def main():
    lines, con_path, c_path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    per = CON.count("\n")
    units = (lines + per - 1) // per
    with open(con_path, "w") as f:
        for i in range(units):
            f.write(CON.format(i=i))
        f.write("fn main() with(Std) -> Int { return 0; }\n")
    with open(c_path, "w") as f:
        f.write("void println(long);\n")
        for i in range(units):
            f.write(C.format(i=i))
        f.write("int main(void) { return 0; }\n")

main()
