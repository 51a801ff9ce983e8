#!/usr/bin/env python3
"""Generate a large Concrete program and a C program of the same shape.

usage: gen_source.py LINES OUT.con OUT.c
       gen_source.py --modules N LINES DIR
Each unit is a struct, an enum, an impl with methods, and functions with
loops, matches and arithmetic, written once in Concrete and once in C.
--modules writes DIR/main.con and N module files of about LINES lines in
all: main declares N/5 group modules gK, each declaring four leaf modules
gK_J (a tree of `mod x;` files, the importer of a module being the file that
declares it).  Every module has `pub fn run(n: i64)` calling its own work
functions and its children's run."""
import sys

# The types and functions every generated unit starts with.
SHAPES = """struct Copy Point{i} {{ x: i64, y: i64 }}
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
"""

CON = SHAPES + """fn work{i}(n: i64, v: &mut [i64; 16]) with(Console) -> i64 {{
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

# A unit for --modules: the same shapes as CON, written to pass the checks
# (the array is local, the enum is matched by value).
MOD = SHAPES + """fn work{i}(n: i64) -> i64 {{
    let mut v: [i64; 16] = [0; 16];
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
    return total;
}}
"""


def module_text(units, first, children):
    out = []
    for c in children:
        out.append("mod %s;\n" % c)
    for i in range(first, first + units):
        out.append(MOD.format(i=i))
    out.append("pub fn run(n: i64) -> i64 {\n")
    out.append("    let mut t: i64 = n;\n")
    for i in range(first, first + units):
        out.append("    t = t + work%d(n);\n" % i)
    for c in children:
        out.append("    t = t + %s::run(n);\n" % c)
    out.append("    return t;\n}\n")
    return "".join(out)


def modules(n, lines, d):
    import os
    os.makedirs(d, exist_ok=True)
    per = MOD.count("\n")
    groups = max(1, n // 5)
    leaves = n - groups
    units = max(1, (lines + per * n - 1) // (per * n))
    tree = {}
    for g in range(groups):
        tree["g%d" % g] = []
    for k in range(leaves):
        g = k % groups
        tree["g%d" % g].append("g%d_%d" % (g, len(tree["g%d" % g])))
    first = 0
    for g, kids in tree.items():
        with open(os.path.join(d, g + ".con"), "w") as f:
            f.write(module_text(units, first, kids))
        first += units
        for k in kids:
            with open(os.path.join(d, k + ".con"), "w") as f:
                f.write(module_text(units, first, []))
            first += units
    with open(os.path.join(d, "main.con"), "w") as f:
        for g in tree:
            f.write("mod %s;\n" % g)
        f.write("fn main() with(Std) -> Int {\n    let mut t: i64 = 0;\n")
        for g in tree:
            f.write("    t = t + %s::run(3);\n" % g)
        f.write("    println(t);\n    return 0;\n}\n")


def main():
    if sys.argv[1] == "--modules":
        modules(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
        return
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
