//! YAML text → a span-carrying node tree.
//!
//! Input: the bytes of one file. Output: a [`Node`] tree in which every node knows its
//! line, column and field path, or a single [`Diagnostic`] saying why the file is not YAML
//! we can read. The parser is `granit-parser`, the pure-Rust parser behind `serde-saphyr`
//! (re-exported by it); `serde-saphyr`'s budget checker guards against pathological input
//! (alias bombs, runaway nesting) before the tree is built.
//!
//! Why a tree and not straight serde: a facilitator with six groups' files must see *every*
//! problem in one run, and semantic checks after deserialising must still point at a line.
//! The tree gives both: [`super::de`] deserialises from it while collecting errors, and the
//! path → span index serves the semantic checks.

use std::collections::HashMap;

use serde_saphyr::budget::{Budget, BudgetBreach, EnforcingPolicy, check_yaml_budget};
use serde_saphyr::granit_parser::{Event, Parser, ScalarStyle, StrInput};

use crate::diag::{Diagnostic, Msg, Pos};

/// Deepest nesting of mappings and sequences we accept. Workshop files nest about eight
/// levels; anything far deeper is junk or an attack.
pub const MAX_DEPTH: usize = 64;
/// Most nodes a file may expand to, aliases included.
pub const MAX_NODES: usize = 200_000;

/// One YAML node with where it stands in the source.
#[derive(Debug, Clone)]
pub struct Node {
    /// Preorder index, unique within the tree (aliases get fresh ids).
    pub id: usize,
    /// Where the node starts (1-based line and column, in characters).
    pub pos: Pos,
    /// Field path from the root, e.g. `groups[2].journeys[0].steps[1].emotion`.
    pub path: String,
    /// The value.
    pub kind: NodeKind,
}

/// The three kinds of YAML node, plus null.
#[derive(Debug, Clone)]
pub enum NodeKind {
    /// `~`, `null`, or nothing at all.
    Null,
    /// A scalar's text, and whether it was written plain (unquoted).
    Scalar {
        /// The text after escape processing.
        text: String,
        /// Plain scalars may be numbers or booleans; quoted ones are always strings.
        plain: bool,
    },
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, in source order. Keys are scalars.
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// The catalog word (`check.words.<key>`) naming the node's kind, for "expected …,
    /// found …" messages.
    pub fn kind_name(&self) -> &'static str {
        match &self.kind {
            NodeKind::Null => "nothing",
            NodeKind::Scalar { .. } => "a_single_value",
            NodeKind::Seq(_) => "a_list",
            NodeKind::Map(_) => "a_mapping",
        }
    }

    /// The text of a scalar key or value.
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }
}

/// A parsed file: the tree and a path → position index for semantic checks.
#[derive(Debug)]
pub struct Document {
    /// The root node.
    pub root: Node,
    /// Every node's path and position (keys point at the key's own position).
    pub index: HashMap<String, Pos>,
    /// Problems that do not stop the tree from being built (duplicate keys).
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    /// Position of `path`, or of its nearest ancestor that exists.
    pub fn pos_of(&self, path: &str) -> Pos {
        let mut p = path;
        loop {
            if let Some(pos) = self.index.get(p) {
                return *pos;
            }
            match p.rfind(['.', '[']) {
                Some(i) => p = &p[..i],
                None => return self.root.pos,
            }
        }
    }
}

/// Decode bytes as UTF-8 (a leading BOM is dropped) or say where they stop being text.
pub fn decode(bytes: &[u8], file: &str) -> Result<String, Box<Diagnostic>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(i) = bytes.iter().take(8192).position(|&b| b == 0) {
        let d = Diagnostic::error(
            file,
            Pos { line: 1, col: 1 },
            "",
            Msg::new("binary_nul").text("offset", i),
        )
        .hint(Msg::new("binary_hint"));
        return Err(Box::new(d));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            // valid_up_to is a char boundary, so this cannot fail; fall back to 1:1 anyway.
            let pos = std::str::from_utf8(good).map(pos_at_end).unwrap_or(Pos { line: 1, col: 1 });
            let mut d = Diagnostic::error(
                file,
                pos,
                "",
                Msg::new("not_utf8").text("offset", e.valid_up_to()),
            );
            d.hint = Some(Msg::new("not_utf8_hint"));
            return Err(Box::new(d));
        }
    };
    if let Some((i, c)) =
        text.char_indices().find(|&(_, c)| c == '\0' || (c.is_control() && !"\t\n\r".contains(c)))
    {
        let mut d = Diagnostic::error(
            file,
            pos_at_end(&text[..i]),
            "",
            Msg::new("control_char").text("code", format!("U+{:04X}", c as u32)),
        );
        d.hint = Some(Msg::new("binary_hint"));
        return Err(Box::new(d));
    }
    Ok(text.to_owned())
}

fn pos_at_end(text: &str) -> Pos {
    let line = text.matches('\n').count() + 1;
    let col = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Pos { line, col }
}

/// Parse YAML text into a [`Document`]. `prefix` is the path of the root (empty for a
/// workshop file).
pub fn parse(text: &str, file: &str, prefix: &str) -> Result<Document, Box<Diagnostic>> {
    if text.trim().is_empty()
        || text.lines().all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        let mut d =
            Diagnostic::error(file, Pos { line: 1, col: 1 }, prefix, Msg::new("empty_file"));
        d.hint = Some(Msg::new("empty_file_hint"));
        return Err(Box::new(d));
    }
    let mut budget = Budget::default();
    budget.max_depth = MAX_DEPTH;
    budget.max_nodes = MAX_NODES;
    budget.max_documents = 1;
    budget.max_aliases = 10_000;
    match check_yaml_budget(text, budget, EnforcingPolicy::AllContent) {
        Err(e) => return Err(Box::new(scan_error(text, file, prefix, &e))),
        Ok(report) => {
            if let Some(breach) = report.breached {
                let at = match breach {
                    // point at the separator that starts the second document
                    BudgetBreach::Documents { .. } => text
                        .lines()
                        .enumerate()
                        .skip_while(|(_, l)| {
                            l.trim().is_empty() || l.starts_with('#') || l.starts_with("---")
                        })
                        .find(|(_, l)| l.starts_with("---") || l.starts_with("..."))
                        .map_or(1, |(i, _)| i + 1),
                    _ => 1,
                };
                return Err(Box::new(Diagnostic::error(
                    file,
                    Pos { line: at, col: 1 },
                    prefix,
                    breach_message(&breach),
                )));
            }
        }
    }
    Builder::new(file).build(text)
}

fn breach_message(b: &BudgetBreach) -> Msg {
    match b {
        BudgetBreach::Depth { depth } => {
            Msg::new("too_deep").text("depth", depth).text("max", MAX_DEPTH)
        }
        BudgetBreach::Documents { .. } => Msg::new("two_documents"),
        BudgetBreach::Aliases { aliases } => Msg::new("too_many_aliases").text("aliases", aliases),
        BudgetBreach::Nodes { nodes } => {
            Msg::new("too_large").text("nodes", nodes).text("max", MAX_NODES)
        }
        other => Msg::new("safety_limit").text("limit", format!("{other:?}")),
    }
}

fn scan_error(
    text: &str,
    file: &str,
    prefix: &str,
    e: &serde_saphyr::granit_parser::ScanError,
) -> Diagnostic {
    let m = e.marker();
    let mut pos = Pos { line: m.line().max(1), col: m.col() + 1 };
    let info = e.info();
    if info.contains("tab") {
        // the scanner reports where it was; point at the tab itself
        if let Some((i, l)) = text
            .lines()
            .enumerate()
            .skip(pos.line.saturating_sub(1))
            .find(|(_, l)| l.contains('\t'))
        {
            let col = l.chars().position(|c| c == '\t').unwrap_or(0) + 1;
            pos = Pos { line: i + 1, col };
        }
    }
    if info.contains("recursion limit") || info.contains("nesting") {
        return Diagnostic::error(
            file,
            pos,
            prefix,
            Msg::new("too_deep_info").text("info", info).text("max", MAX_DEPTH),
        );
    }
    let mut d = Diagnostic::error(file, pos, prefix, Msg::new("yaml_syntax").text("info", &info));
    let near: Vec<&str> = text.lines().skip(pos.line.saturating_sub(2)).take(3).collect();
    let line = near.get(1).copied().unwrap_or_default();
    d.hint = Some(Msg::new(
        if info.contains("tab")
            || near.iter().any(|l| {
                l.starts_with(char::is_whitespace) && l.trim_start_matches(' ').starts_with('\t')
            })
        {
            "tabs_hint"
        } else if line.contains('\u{FF1A}') {
            "fullwidth_colon_hint"
        } else {
            "syntax_hint"
        },
    ));
    d
}

struct Builder<'a> {
    file: &'a str,
    next_id: usize,
    anchors: HashMap<usize, Node>,
    index: HashMap<String, Pos>,
    diagnostics: Vec<Diagnostic>,
    nodes: usize,
}

/// A container being built.
enum Open {
    Seq { node: Node, items: Vec<Node>, anchor: usize },
    Map { node: Node, entries: Vec<(Node, Node)>, key: Option<Node>, anchor: usize },
}

impl<'a> Builder<'a> {
    fn new(file: &'a str) -> Self {
        Builder {
            file,
            next_id: 0,
            anchors: HashMap::new(),
            index: HashMap::new(),
            diagnostics: Vec::new(),
            nodes: 0,
        }
    }

    fn build(mut self, text: &str) -> Result<Document, Box<Diagnostic>> {
        let parser = Parser::new(StrInput::new(text));
        let mut stack: Vec<Open> = Vec::new();
        let mut root: Option<Node> = None;
        for item in parser {
            let (event, span) = item.map_err(|e| Box::new(scan_error(text, self.file, "", &e)))?;
            let pos = Pos { line: span.start.line().max(1), col: span.start.col() + 1 };
            let complete: Option<(Node, usize)> = match event {
                Event::Scalar(value, style, anchor, _tag) => {
                    let plain = matches!(style, ScalarStyle::Plain);
                    let kind = if plain && is_null(&value) {
                        NodeKind::Null
                    } else {
                        NodeKind::Scalar { text: value.into_owned(), plain }
                    };
                    Some((self.node(pos, kind)?, anchor))
                }
                Event::SequenceStart(_, anchor, _) => {
                    let node = self.node(pos, NodeKind::Null)?;
                    stack.push(Open::Seq { node, items: Vec::new(), anchor });
                    None
                }
                Event::MappingStart(_, anchor, _) => {
                    let node = self.node(pos, NodeKind::Null)?;
                    stack.push(Open::Map { node, entries: Vec::new(), key: None, anchor });
                    None
                }
                Event::SequenceEnd => match stack.pop() {
                    Some(Open::Seq { mut node, items, anchor }) => {
                        node.kind = NodeKind::Seq(items);
                        Some((node, anchor))
                    }
                    _ => None,
                },
                Event::MappingEnd => match stack.pop() {
                    Some(Open::Map { mut node, entries, anchor, .. }) => {
                        node.kind = NodeKind::Map(entries);
                        Some((node, anchor))
                    }
                    _ => None,
                },
                Event::Alias(id) => match self.anchors.get(&id) {
                    Some(target) => {
                        let target = target.clone();
                        let copy = self.copy(&target, pos)?;
                        Some((copy, 0))
                    }
                    None => {
                        return Err(Box::new(Diagnostic::error(
                            self.file,
                            pos,
                            "",
                            Msg::new("undefined_alias"),
                        )));
                    }
                },
                _ => None,
            };
            if let Some((node, anchor)) = complete {
                if anchor != 0 {
                    self.anchors.insert(anchor, node.clone());
                }
                match stack.last_mut() {
                    None => root = Some(node),
                    Some(Open::Seq { items, .. }) => items.push(node),
                    Some(Open::Map { entries, key, .. }) => match key.take() {
                        None => *key = Some(node),
                        Some(k) => entries.push((k, node)),
                    },
                }
            }
        }
        let root = root.unwrap_or(Node {
            id: 0,
            pos: Pos { line: 1, col: 1 },
            path: String::new(),
            kind: NodeKind::Null,
        });
        Ok(Document { root, index: self.index, diagnostics: self.diagnostics })
    }

    fn node(&mut self, pos: Pos, kind: NodeKind) -> Result<Node, Box<Diagnostic>> {
        self.nodes += 1;
        if self.nodes > MAX_NODES {
            return Err(Box::new(Diagnostic::error(
                self.file,
                pos,
                "",
                Msg::new("too_many_nodes").text("max", MAX_NODES),
            )));
        }
        self.next_id += 1;
        Ok(Node { id: self.next_id, pos, path: String::new(), kind })
    }

    /// Deep-copy an anchored node for an alias, with fresh ids and the alias's position.
    fn copy(&mut self, n: &Node, pos: Pos) -> Result<Node, Box<Diagnostic>> {
        let kind = match &n.kind {
            NodeKind::Null => NodeKind::Null,
            NodeKind::Scalar { text, plain } => {
                NodeKind::Scalar { text: text.clone(), plain: *plain }
            }
            NodeKind::Seq(items) => {
                NodeKind::Seq(items.iter().map(|i| self.copy(i, pos)).collect::<Result<_, _>>()?)
            }
            NodeKind::Map(entries) => NodeKind::Map(
                entries
                    .iter()
                    .map(|(k, v)| Ok((self.copy(k, pos)?, self.copy(v, pos)?)))
                    .collect::<Result<_, Box<Diagnostic>>>()?,
            ),
        };
        self.node(pos, kind)
    }
}

fn is_null(s: &str) -> bool {
    matches!(s, "" | "~" | "null" | "Null" | "NULL")
}

/// Give every node its path, merge `<<` keys, report duplicate keys, and fill the index.
pub fn finish(doc: &mut Document, file: &str, prefix: &str) {
    let mut diags = Vec::new();
    assign(&mut doc.root, prefix.to_owned(), &mut doc.index, &mut diags, file);
    doc.diagnostics.extend(diags);
}

fn assign(
    node: &mut Node,
    path: String,
    index: &mut HashMap<String, Pos>,
    diags: &mut Vec<Diagnostic>,
    file: &str,
) {
    index.entry(path.clone()).or_insert(node.pos);
    match &mut node.kind {
        NodeKind::Seq(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                assign(item, format!("{path}[{i}]"), index, diags, file);
            }
        }
        NodeKind::Map(entries) => {
            merge_keys(entries);
            let mut seen: HashMap<String, Pos> = HashMap::new();
            let mut keep = Vec::with_capacity(entries.len());
            for (k, v) in std::mem::take(entries) {
                let key = match &k.kind {
                    NodeKind::Scalar { text, .. } => text.clone(),
                    NodeKind::Null => String::new(),
                    _ => {
                        let mut d = Diagnostic::error(file, k.pos, &path, Msg::new("complex_key"));
                        d.hint = Some(Msg::new("complex_key_hint"));
                        diags.push(d);
                        continue;
                    }
                };
                let child = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
                if let Some(first) = seen.get(&key) {
                    let mut d = Diagnostic::error(
                        file,
                        k.pos,
                        &child,
                        Msg::new("duplicate_key").text("key", &key),
                    );
                    d.hint = Some(
                        Msg::new("duplicate_key_hint").text("key", &key).text("line", first.line),
                    );
                    diags.push(d);
                    continue;
                }
                seen.insert(key, k.pos);
                let mut k = k;
                k.path = child.clone();
                let mut v = v;
                assign(&mut v, child, index, diags, file);
                keep.push((k, v));
            }
            *entries = keep;
        }
        _ => {}
    }
    node.path = path;
}

/// YAML 1.1 merge keys (`<<: *defaults`): entries of the merged mapping(s) that the mapping
/// does not set itself are appended.
fn merge_keys(entries: &mut Vec<(Node, Node)>) {
    let Some(i) = entries.iter().position(|(k, _)| k.as_str() == Some("<<")) else {
        return;
    };
    let (_, merged) = entries.remove(i);
    let sources: Vec<Node> = match merged.kind {
        NodeKind::Map(_) => vec![merged],
        NodeKind::Seq(items) => items,
        _ => return,
    };
    for src in sources {
        if let NodeKind::Map(src_entries) = src.kind {
            for (k, v) in src_entries {
                if !entries.iter().any(|(e, _)| e.as_str() == k.as_str()) {
                    entries.push((k, v));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Result<Document, Box<Diagnostic>> {
        let mut d = parse(text, "t.yaml", "")?;
        finish(&mut d, "t.yaml", "");
        Ok(d)
    }

    #[test]
    fn paths_and_positions() {
        let d = doc("a:\n  b: [1, 2]\n  c: 你好\n").unwrap();
        assert_eq!(d.index["a.b[1]"], Pos { line: 2, col: 10 });
        assert_eq!(d.index["a.c"], Pos { line: 3, col: 6 });
        assert_eq!(d.pos_of("a.c.zzz[3]"), Pos { line: 3, col: 6 });
    }

    #[test]
    fn duplicate_keys_are_all_reported() {
        let d = doc("a: 1\nb: 2\na: 3\nb: 4\n").unwrap();
        assert_eq!(d.diagnostics.len(), 2);
        assert_eq!(d.diagnostics[0].message.key, "duplicate_key");
        assert_eq!(d.diagnostics[0].message.arg("key"), Some("a"));
    }

    #[test]
    fn bom_empty_binary_and_tabs() {
        assert_eq!(decode(b"\xEF\xBB\xBFa: 1", "f").unwrap(), "a: 1");
        assert_eq!(decode(b"a: \xff\xfe", "f").unwrap_err().message.key, "not_utf8");
        assert_eq!(decode(b"a: \x00\x01", "f").unwrap_err().message.key, "binary_nul");
        assert_eq!(doc("").unwrap_err().message.key, "empty_file");
        assert_eq!(doc("# only a comment\n").unwrap_err().message.key, "empty_file");
        let e = doc("a:\n\tb: 1\n").unwrap_err();
        assert_eq!(e.hint.map(|h| h.key).as_deref(), Some("tabs_hint"), "{}", e.message);
    }

    #[test]
    fn alias_bomb_is_rejected() {
        let mut s = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let p = i - 1;
            s.push_str(&format!(
                "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
            ));
        }
        let t = std::time::Instant::now();
        assert!(doc(&s).is_err());
        assert!(t.elapsed().as_secs_f64() < 5.0);
    }

    #[test]
    fn deep_nesting_is_rejected() {
        let s = "[".repeat(10_000) + &"]".repeat(10_000);
        let e = doc(&s).unwrap_err();
        assert!(e.message.key.starts_with("too_deep"), "{}", e.message);
        let mut block = String::new();
        for i in 0..200 {
            block.push_str(&format!("{}k{i}:\n", "  ".repeat(i)));
        }
        let e = doc(&block).unwrap_err();
        assert!(e.message.key.starts_with("too_deep"), "{}", e.message);
    }

    #[test]
    fn merge_keys_fill_missing_entries() {
        let d = doc("base: &b {x: 1, y: 2}\nthis:\n  <<: *b\n  y: 3\n").unwrap();
        let NodeKind::Map(root) = &d.root.kind else { panic!() };
        let NodeKind::Map(this) = &root[1].1.kind else { panic!() };
        let keys: Vec<_> = this.iter().map(|(k, _)| k.as_str().unwrap()).collect();
        assert_eq!(keys, ["y", "x"]);
    }
}
