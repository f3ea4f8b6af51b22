//! Label placement for scatter charts: every label beside its point when there is room,
//! further out with a leader line when there is not, and never on another label, on a
//! marker or outside the plot while a free spot exists.
//!
//! Greedy: labels are placed one at a time, the most crowded points first. Each tries
//! spots in rings of growing distance around its point (right, left, above, below, then
//! the diagonals), and finally a scan of the whole plot; the cheapest spot wins. Hard
//! costs: leaving the bounds, covering a marker or a placed label, a leader line crossing
//! a placed label. Soft costs: distance, crossing a reference line (quadrant lines, the
//! curve), a leader crossing another leader or passing over a marker.

/// An axis-aligned rectangle in points (y down).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left.
    pub x0: f32,
    /// Top.
    pub y0: f32,
    /// Right.
    pub x1: f32,
    /// Bottom.
    pub y1: f32,
}

/// A line segment in points.
pub type Segment = ((f32, f32), (f32, f32));

impl Rect {
    /// `w` × `h` with its top-left corner at `(x, y)`.
    pub fn at(x: f32, y: f32, (w, h): (f32, f32)) -> Self {
        Self { x0: x, y0: y, x1: x + w, y1: y + h }
    }

    /// The square of half-side `r` around `p`.
    pub fn around((x, y): (f32, f32), r: f32) -> Self {
        Self { x0: x - r, y0: y - r, x1: x + r, y1: y + r }
    }

    /// Grown by `d` on every side.
    pub fn grow(self, d: f32) -> Self {
        Self { x0: self.x0 - d, y0: self.y0 - d, x1: self.x1 + d, y1: self.y1 + d }
    }

    /// Shrunk by `d` on every side.
    pub fn inset(self, d: f32) -> Self {
        self.grow(-d)
    }

    /// Moved horizontally into `b` (as far as it fits).
    pub fn clamp_x(self, b: &Self) -> Self {
        let w = self.x1 - self.x0;
        let x0 = self.x0.min(b.x1 - w).max(b.x0);
        Self { x0, x1: x0 + w, ..self }
    }

    /// Moved vertically into `b` (as far as it fits).
    pub fn clamp_y(self, b: &Self) -> Self {
        let h = self.y1 - self.y0;
        let y0 = self.y0.min(b.y1 - h).max(b.y0);
        Self { y0, y1: y0 + h, ..self }
    }

    /// Whether the interiors overlap.
    pub fn overlaps(&self, o: &Self) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }

    /// Whether `o` lies inside.
    pub fn contains(&self, o: &Self) -> bool {
        o.x0 >= self.x0 - 1e-3
            && o.x1 <= self.x1 + 1e-3
            && o.y0 >= self.y0 - 1e-3
            && o.y1 <= self.y1 + 1e-3
    }

    /// The point of the rectangle nearest to `p`.
    pub fn nearest(&self, (x, y): (f32, f32)) -> (f32, f32) {
        (x.clamp(self.x0, self.x1), y.clamp(self.y0, self.y1))
    }

    /// Distance from `p` to the rectangle (0 inside).
    pub fn distance(&self, p: (f32, f32)) -> f32 {
        let n = self.nearest(p);
        ((n.0 - p.0).powi(2) + (n.1 - p.1).powi(2)).sqrt()
    }

    /// Whether segment `s` passes through the rectangle (Liang–Barsky clipping).
    pub fn crosses(&self, (a, b): Segment) -> bool {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let (mut t0, mut t1) = (0.0_f32, 1.0_f32);
        for (p, q) in
            [(-dx, a.0 - self.x0), (dx, self.x1 - a.0), (-dy, a.1 - self.y0), (dy, self.y1 - a.1)]
        {
            if p == 0.0 {
                if q < 0.0 {
                    return false;
                }
            } else {
                let t = q / p;
                if p < 0.0 {
                    t0 = t0.max(t);
                } else {
                    t1 = t1.min(t);
                }
                if t0 > t1 {
                    return false;
                }
            }
        }
        true
    }
}

/// Whether two segments cross (proper intersection).
fn segments_cross((a, b): Segment, (c, d): Segment) -> bool {
    let cross = |o: (f32, f32), p: (f32, f32), q: (f32, f32)| {
        (p.0 - o.0) * (q.1 - o.1) - (p.1 - o.1) * (q.0 - o.0)
    };
    let d1 = cross(c, d, a);
    let d2 = cross(c, d, b);
    let d3 = cross(a, b, c);
    let d4 = cross(a, b, d);
    ((d1 > 0.0 && d2 < 0.0) || (d1 < 0.0 && d2 > 0.0))
        && ((d3 > 0.0 && d4 < 0.0) || (d3 < 0.0 && d4 > 0.0))
}

/// A label to place.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Label {
    /// The point it belongs to.
    pub anchor: (f32, f32),
    /// Its width and height, points.
    pub size: (f32, f32),
    /// The point's marker radius: labels start this far out.
    pub radius: f32,
}

/// Where a label went.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    /// Its box.
    pub rect: Rect,
    /// A line from the marker's edge to the box, when the box is not beside the marker.
    pub leader: Option<Segment>,
}

/// The scene labels are placed into.
#[derive(Debug, Clone, Default)]
pub struct Placer {
    /// Labels stay inside.
    pub bounds: Option<Rect>,
    /// Boxes labels must not cover: markers, fixed texts.
    pub obstacles: Vec<Rect>,
    /// Lines labels should not cross (soft).
    pub lines: Vec<Segment>,
    /// What crossing one of `lines` costs, in points of distance (default 80).
    pub line_cost: f32,
    placed: Vec<Rect>,
    leaders: Vec<Segment>,
}

const HARD: f32 = 10_000.0;
/// A leader crossing a label: bad, but better than two labels on each other.
const CROSSING: f32 = 2_000.0;
/// Gap between a marker and a label beside it.
const GAP: f32 = 1.5;
/// Gap kept between labels.
const PAD: f32 = 1.0;

impl Placer {
    /// A scene inside `bounds`.
    pub fn new(bounds: Rect) -> Self {
        Self { bounds: Some(bounds), line_cost: 80.0, ..Self::default() }
    }

    /// Place `labels`, the most crowded first; the results in input order.
    pub fn place_all(&mut self, labels: &[Label]) -> Vec<Placed> {
        let crowd = |i: usize| -> usize {
            let a = labels[i].anchor;
            labels
                .iter()
                .filter(|l| {
                    let (dx, dy) = (l.anchor.0 - a.0, l.anchor.1 - a.1);
                    (dx * dx + dy * dy).sqrt() < 40.0
                })
                .count()
        };
        let mut order: Vec<usize> = (0..labels.len()).collect();
        order.sort_by_key(|&i| (std::cmp::Reverse(crowd(i)), i));
        let mut out: Vec<Option<Placed>> = vec![None; labels.len()];
        for i in order {
            out[i] = Some(self.place(&labels[i]));
        }
        out.into_iter()
            .map(|p| p.unwrap_or(Placed { rect: Rect::at(0.0, 0.0, (0.0, 0.0)), leader: None }))
            .collect()
    }

    /// Place one label and remember it.
    pub fn place(&mut self, label: &Label) -> Placed {
        let (w, h) = label.size;
        let (ax, ay) = label.anchor;
        let near = label.radius + GAP;
        let mut best: Option<(f32, Placed)> = None;
        let consider = |this: &Self, rect: Rect, rank: f32, best: &mut Option<(f32, Placed)>| {
            let leader = this.leader(label, &rect);
            let cost = this.cost(label, &rect, leader) + rank;
            if best.as_ref().is_none_or(|(c, _)| cost < *c) {
                *best = Some((cost, Placed { rect, leader }));
            }
        };
        // rings around the point: right, left, above, below, diagonals
        for ring in 0..10 {
            let d = near + ring as f32 * (h * 0.9).max(3.0);
            let diag = d * 0.72;
            let spots = [
                Rect::at(ax + d, ay - h / 2.0, (w, h)),
                Rect::at(ax - d - w, ay - h / 2.0, (w, h)),
                Rect::at(ax - w / 2.0, ay - d - h, (w, h)),
                Rect::at(ax - w / 2.0, ay + d, (w, h)),
                Rect::at(ax + diag, ay - diag - h, (w, h)),
                Rect::at(ax + diag, ay + diag, (w, h)),
                Rect::at(ax - diag - w, ay - diag - h, (w, h)),
                Rect::at(ax - diag - w, ay + diag, (w, h)),
                // beside, shifted up or down half a line
                Rect::at(ax + d, ay - h, (w, h)),
                Rect::at(ax + d, ay, (w, h)),
                Rect::at(ax - d - w, ay - h, (w, h)),
                Rect::at(ax - d - w, ay, (w, h)),
            ];
            for (k, rect) in spots.into_iter().enumerate() {
                consider(self, rect, k as f32 * 0.3, &mut best);
            }
            if best.as_ref().is_some_and(|(c, _)| *c < CROSSING) && ring >= 2 {
                break;
            }
        }
        // nothing free nearby: scan the whole plot
        if best.as_ref().is_none_or(|(c, _)| *c >= CROSSING)
            && let Some(b) = self.bounds
        {
            let step = (h / 2.0).max(2.0);
            let mut y = b.y0;
            while y + h <= b.y1 + 1e-3 {
                let mut x = b.x0;
                while x + w <= b.x1 + 1e-3 {
                    consider(self, Rect::at(x, y, (w, h)), 0.0, &mut best);
                    x += step;
                }
                y += step;
            }
        }
        let placed = best.map_or(
            Placed { rect: Rect::at(ax + near, ay - h / 2.0, (w, h)), leader: None },
            |(_, p)| p,
        );
        self.placed.push(placed.rect);
        if let Some(l) = placed.leader {
            self.leaders.push(l);
        }
        placed
    }

    /// The leader from the marker's edge to `rect`, when `rect` is not right beside it.
    fn leader(&self, label: &Label, rect: &Rect) -> Option<Segment> {
        let a = label.anchor;
        let n = rect.nearest(a);
        let d = ((n.0 - a.0).powi(2) + (n.1 - a.1).powi(2)).sqrt();
        if d <= label.radius + GAP + 2.5 {
            return None;
        }
        let start = (a.0 + (n.0 - a.0) / d * label.radius, a.1 + (n.1 - a.1) / d * label.radius);
        Some((start, n))
    }

    fn cost(&self, label: &Label, rect: &Rect, leader: Option<Segment>) -> f32 {
        let mut cost = 0.0;
        if let Some(b) = self.bounds
            && !b.contains(rect)
        {
            cost += HARD;
        }
        let padded = rect.grow(PAD);
        for o in &self.obstacles {
            if o.overlaps(rect) {
                cost += HARD;
            }
        }
        for p in &self.placed {
            if p.overlaps(&padded) {
                cost += HARD;
            }
        }
        for l in &self.leaders {
            if rect.crosses(*l) {
                cost += CROSSING;
            }
        }
        for s in &self.lines {
            if rect.crosses(*s) {
                cost += self.line_cost;
            }
        }
        cost += rect.distance(label.anchor);
        if let Some(seg) = leader {
            cost += 4.0;
            for p in &self.placed {
                if p.crosses(seg) {
                    cost += CROSSING;
                }
            }
            for l in &self.leaders {
                if segments_cross(seg, *l) {
                    cost += 40.0;
                }
            }
            for o in &self.obstacles {
                // the label's own marker is where the leader starts
                if o.crosses(seg) && o.distance(label.anchor) > 0.0 {
                    cost += 60.0;
                }
            }
        }
        cost
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_free_label_sits_right_of_its_point() {
        let mut p = Placer::new(Rect { x0: 0.0, y0: 0.0, x1: 200.0, y1: 100.0 });
        let placed = p.place(&Label { anchor: (50.0, 50.0), size: (30.0, 8.0), radius: 3.0 });
        assert_eq!(placed.leader, None);
        assert!((placed.rect.x0 - 54.5).abs() < 1e-3 && (placed.rect.y0 - 46.0).abs() < 1e-3);
    }

    #[test]
    fn crowded_labels_never_overlap_and_stay_inside() {
        let bounds = Rect { x0: 0.0, y0: 0.0, x1: 300.0, y1: 160.0 };
        let mut p = Placer::new(bounds);
        // twenty points in a small cluster, each marker an obstacle
        let labels: Vec<Label> = (0..20)
            .map(|i| {
                let a = (140.0 + (i % 5) as f32 * 4.0, 70.0 + (i / 5) as f32 * 4.0);
                Label { anchor: a, size: (44.0, 8.0), radius: 2.5 }
            })
            .collect();
        p.obstacles = labels.iter().map(|l| Rect::around(l.anchor, 2.5)).collect();
        let placed = p.place_all(&labels);
        for (i, a) in placed.iter().enumerate() {
            assert!(bounds.contains(&a.rect));
            for b in &placed[i + 1..] {
                assert!(!a.rect.overlaps(&b.rect), "{a:?} {b:?}");
            }
            for l in &labels {
                assert!(!a.rect.overlaps(&Rect::around(l.anchor, 2.5)));
            }
        }
        assert!(placed.iter().any(|p| p.leader.is_some()));
    }

    #[test]
    fn geometry() {
        let r = Rect { x0: 0.0, y0: 0.0, x1: 10.0, y1: 10.0 };
        assert!(r.crosses(((-5.0, 5.0), (15.0, 5.0))));
        assert!(!r.crosses(((-5.0, 15.0), (15.0, 15.0))));
        assert!(segments_cross(((0.0, 0.0), (10.0, 10.0)), ((0.0, 10.0), (10.0, 0.0))));
        assert!(!segments_cross(((0.0, 0.0), (10.0, 0.0)), ((0.0, 1.0), (10.0, 1.0))));
        assert_eq!(r.nearest((20.0, 5.0)), (10.0, 5.0));
    }
}
