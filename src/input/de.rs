//! Node tree → typed structs, collecting every problem instead of stopping at the first.
//!
//! A serde `Deserializer` over [`Node`]: scalars are interpreted by the type asked for (a
//! plain `95` is a number for `f64` and the text "95" for `String`), unknown keys are
//! reported with a did-you-mean and skipped, and each hard error is recorded, its node
//! pruned, and deserialisation run again, so one run reports all of them. Pruning a
//! required field makes its parent fail with "missing field", which is recognised and not
//! reported twice; the parent is then pruned in turn.
//!
//! Input: a parsed [`Document`]. Output: the value and every [`Diagnostic`]. A type's own
//! `Deserialize` (the enums, dates) can carry an "expected" and a hint through
//! [`crate::diag::rich_error`]. No I/O; no semantic checks.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, Visitor};

use super::yaml::{Document, Node, NodeKind};
use crate::diag::{Diagnostic, SEP, split_rich, suggest};

/// Deserialisation error: a message and the node it is about.
#[derive(Debug)]
pub struct Error {
    msg: String,
    node: Option<usize>,
    missing_field: Option<&'static str>,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.msg)
    }
}

impl std::error::Error for Error {}

impl Error {
    /// Attach `node` if no inner node claimed the error (e.g. a `Deserialize` impl that
    /// rejects a value after reading it).
    fn at(mut self, node: &Node) -> Self {
        if self.node.is_none() {
            self.node = Some(node.id);
        }
        self
    }
}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error { msg: msg.to_string(), node: None, missing_field: None }
    }

    fn missing_field(field: &'static str) -> Self {
        Error { msg: format!("missing field `{field}`"), node: None, missing_field: Some(field) }
    }

    fn invalid_type(unexp: de::Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        Error::custom(format!("expected {exp}, found {}", describe(&unexp)))
    }

    fn invalid_value(unexp: de::Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        Error::custom(format!("invalid value {}, expected {exp}", describe(&unexp)))
    }
}

fn describe(u: &de::Unexpected<'_>) -> String {
    match u {
        de::Unexpected::Str(s) => format!("`{s}`"),
        de::Unexpected::Seq => "a list".into(),
        de::Unexpected::Map => "a mapping".into(),
        de::Unexpected::Unit => "nothing".into(),
        other => other.to_string(),
    }
}

struct Ctx<'a> {
    file: &'a str,
    pruned: &'a HashSet<usize>,
    soft: RefCell<Vec<Diagnostic>>,
}

/// Deserialise a document into `T`, reporting every problem found. Returns the value only
/// when there were no errors (warnings may be present).
pub fn from_document<T: DeserializeOwned>(
    doc: &Document,
    file: &str,
) -> (Option<T>, Vec<Diagnostic>) {
    let mut by_id: HashMap<usize, &Node> = HashMap::new();
    index_nodes(&doc.root, &mut by_id);
    let mut pruned: HashSet<usize> = HashSet::new();
    let mut hard: Vec<Diagnostic> = Vec::new();
    let mut soft: Vec<Diagnostic> = Vec::new();
    // Every round walks the document again, so soft diagnostics (unknown keys) repeat.
    let mut seen: HashSet<(usize, usize, String)> = HashSet::new();
    // Each round prunes one node, so the number of nodes bounds the rounds.
    for _ in 0..=by_id.len() {
        let ctx = Ctx { file, pruned: &pruned, soft: RefCell::new(Vec::new()) };
        let result = T::deserialize(NodeDe { node: &doc.root, ctx: &ctx });
        for d in ctx.soft.into_inner() {
            if seen.insert((d.pos.line, d.pos.col, d.message.clone())) {
                soft.push(d);
            }
        }
        match result {
            Ok(value) => {
                let ok = hard.is_empty() && soft.iter().all(|d| !d.is_error());
                hard.extend(soft);
                return (ok.then_some(value), hard);
            }
            Err(e) => {
                let node = e.node.and_then(|id| by_id.get(&id).copied()).unwrap_or(&doc.root);
                let caused_by_pruning = e.missing_field.is_some_and(|field| match &node.kind {
                    NodeKind::Map(entries) => entries
                        .iter()
                        .any(|(k, v)| k.as_str() == Some(field) && pruned.contains(&v.id)),
                    _ => false,
                });
                // "missing `title`" next to an unknown `titel` (reported with a did-you-mean)
                // says the same thing twice.
                let misspelled = e.missing_field.is_some_and(|field| match &node.kind {
                    NodeKind::Map(entries) => entries.iter().any(|(k, _)| {
                        k.as_str()
                            .is_some_and(|key| key != field && suggest(key, [field]).is_some())
                    }),
                    _ => false,
                });
                if !caused_by_pruning && !misspelled {
                    hard.push(to_diag(&e, node, file));
                }
                if node.id == doc.root.id || !pruned.insert(node.id) {
                    break;
                }
            }
        }
    }
    hard.extend(soft);
    (None, hard)
}

fn index_nodes<'n>(n: &'n Node, map: &mut HashMap<usize, &'n Node>) {
    map.insert(n.id, n);
    match &n.kind {
        NodeKind::Seq(items) => items.iter().for_each(|i| index_nodes(i, map)),
        NodeKind::Map(entries) => entries.iter().for_each(|(k, v)| {
            index_nodes(k, map);
            index_nodes(v, map);
        }),
        _ => {}
    }
}

fn to_diag(e: &Error, node: &Node, file: &str) -> Diagnostic {
    let (message, expected, hint) = split_rich(&e.msg);
    let mut d = Diagnostic::error(file, node.pos, node.path.clone(), message);
    d.expected = expected.map(str::to_owned);
    d.hint = hint.map(str::to_owned);
    if let Some(field) = e.missing_field {
        d.hint = Some(format!("add `{field}:` to this mapping"));
    }
    d
}

struct NodeDe<'a> {
    node: &'a Node,
    ctx: &'a Ctx<'a>,
}

impl NodeDe<'_> {
    fn err(&self, msg: impl Into<String>) -> Error {
        Error { msg: msg.into(), node: Some(self.node.id), missing_field: None }
    }

    /// Attach this node to an error that has no node yet.
    fn at<T>(&self, r: Result<T, Error>) -> Result<T, Error> {
        r.map_err(|mut e| {
            if e.node.is_none() {
                e.node = Some(self.node.id);
            }
            e
        })
    }

    fn scalar(&self, what: &str) -> Result<&str, Error> {
        match &self.node.kind {
            NodeKind::Scalar { text, .. } => Ok(text.trim()),
            _ => Err(self
                .err(format!("expected {what}, found {}{SEP}{what}{SEP}", self.node.kind_name()))),
        }
    }

    fn number(&self) -> Result<f64, Error> {
        let s = self.scalar("a number")?;
        let cleaned = s.replace('_', "");
        match cleaned.parse::<f64>() {
            Ok(v) if v.is_finite() => Ok(v),
            _ => {
                let hint = if s.ends_with('%') || s.ends_with('％') {
                    "write the number without `%`; shares are written between 0 and 1"
                } else {
                    "write digits, e.g. `4` or `3.5`"
                };
                Err(self.err(format!("`{s}` is not a number{SEP}a number{SEP}{hint}")))
            }
        }
    }

    fn integer(&self, what: &str) -> Result<i64, Error> {
        let v = self.number()?;
        if v.fract() != 0.0 || v.abs() > 9.0e15 {
            return Err(self.err(format!("`{v}` is not a whole number{SEP}{what}{SEP}")));
        }
        // the range check above makes the cast exact
        Ok(v as i64)
    }
}

macro_rules! signed {
    ($($method:ident => $visit:ident: $t:ty),*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            let v = self.integer("a whole number")?;
            let v = <$t>::try_from(v).map_err(|_| self.err(format!("{v} is out of range")))?;
            self.at(visitor.$visit(v))
        }
    )*};
}

macro_rules! unsigned {
    ($($method:ident => $visit:ident: $t:ty),*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            let v = self.integer("a whole number, 0 or more")?;
            let v = <$t>::try_from(v).map_err(|_| {
                self.err(format!("{v} is out of range{SEP}a whole number, 0 or more{SEP}"))
            })?;
            self.at(visitor.$visit(v))
        }
    )*};
}

impl<'de> de::Deserializer<'de> for NodeDe<'_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let r = match &self.node.kind {
            NodeKind::Null => visitor.visit_unit(),
            NodeKind::Scalar { text, plain } => {
                if *plain {
                    if let Ok(i) = text.parse::<i64>() {
                        return self.at(visitor.visit_i64(i));
                    }
                    if let Ok(f) = text.parse::<f64>()
                        && f.is_finite()
                    {
                        return self.at(visitor.visit_f64(f));
                    }
                    match text.as_str() {
                        "true" | "True" | "TRUE" => return self.at(visitor.visit_bool(true)),
                        "false" | "False" | "FALSE" => return self.at(visitor.visit_bool(false)),
                        _ => {}
                    }
                }
                visitor.visit_string(text.clone())
            }
            NodeKind::Seq(_) => return self.deserialize_seq(visitor),
            NodeKind::Map(_) => return self.deserialize_map(visitor),
        };
        self.at(r)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let s = self.scalar("true or false")?;
        match s.to_ascii_lowercase().as_str() {
            "true" => self.at(visitor.visit_bool(true)),
            "false" => self.at(visitor.visit_bool(false)),
            _ => Err(self.err(format!("`{s}` is not true or false{SEP}true or false{SEP}"))),
        }
    }

    signed!(deserialize_i8 => visit_i8: i8, deserialize_i16 => visit_i16: i16,
        deserialize_i32 => visit_i32: i32, deserialize_i64 => visit_i64: i64);
    unsigned!(deserialize_u8 => visit_u8: u8, deserialize_u16 => visit_u16: u16,
        deserialize_u32 => visit_u32: u32, deserialize_u64 => visit_u64: u64);

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let v = self.number()?;
        self.at(visitor.visit_f64(v))
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let v = self.number()?;
        self.at(visitor.visit_f64(v))
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match &self.node.kind {
            NodeKind::Scalar { text, .. } => self.at(visitor.visit_string(text.clone())),
            NodeKind::Null => Err(self.err(format!(
                "the value is empty{SEP}text{SEP}write a value after the colon, or remove the line"
            ))),
            _ => {
                Err(self
                    .err(format!("expected text, found {}{SEP}text{SEP}", self.node.kind_name())))
            }
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.node.kind {
            NodeKind::Null => self.at(visitor.visit_none()),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.at(visitor.visit_unit())
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.at(visitor.visit_unit())
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        static EMPTY: Vec<Node> = Vec::new();
        let items = match &self.node.kind {
            NodeKind::Seq(items) => items,
            NodeKind::Null => &EMPTY,
            _ => {
                return Err(self.err(format!(
                    "expected a list, found {}{SEP}a list{SEP}write one item per line as `- item`, or `[a, b]`",
                    self.node.kind_name()
                )));
            }
        };
        let access = Seq { items: items.iter(), ctx: self.ctx };
        self.at(visitor.visit_seq(access))
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        static EMPTY: Vec<(Node, Node)> = Vec::new();
        let entries = match &self.node.kind {
            NodeKind::Map(entries) => entries,
            NodeKind::Null => &EMPTY,
            _ => {
                return Err(self.err(format!(
                    "expected a mapping (`key: value` lines), found {}{SEP}a mapping{SEP}",
                    self.node.kind_name()
                )));
            }
        };
        let entries: Vec<&(Node, Node)> =
            entries.iter().filter(|(_, v)| !self.ctx.pruned.contains(&v.id)).collect();
        self.at(visitor.visit_map(Map { entries: entries.into_iter(), value: None, ctx: self.ctx }))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let entries = match &self.node.kind {
            NodeKind::Map(entries) => entries,
            _ => {
                let list = fields.iter().map(|f| format!("`{f}`")).collect::<Vec<_>>().join(", ");
                return Err(self.err(format!(
                    "expected a mapping, found {}{SEP}a mapping with the fields {list}{SEP}",
                    self.node.kind_name()
                )));
            }
        };
        let mut keep = Vec::with_capacity(entries.len());
        for entry in entries {
            let (k, v) = entry;
            if self.ctx.pruned.contains(&v.id) {
                continue;
            }
            let key = k.as_str().unwrap_or_default();
            if fields.contains(&key) {
                keep.push(entry);
            } else if key.starts_with('$') || key.starts_with("x-") {
                // `$schema`-style keys and `x-` extensions are for editors and other tools.
            } else {
                let list = fields.iter().map(|f| format!("`{f}`")).collect::<Vec<_>>().join(", ");
                let mut d = Diagnostic::error(
                    self.ctx.file,
                    k.pos,
                    k.path.clone(),
                    format!("unknown field `{key}`"),
                )
                .expected(format!("one of {list}"));
                if let Some(s) = suggest(key, fields.iter().copied()) {
                    d.hint = Some(format!("did you mean `{s}`?"));
                }
                self.ctx.soft.borrow_mut().push(d);
            }
        }
        self.at(visitor.visit_map(Map { entries: keep.into_iter(), value: None, ctx: self.ctx }))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let s = self.scalar("one of the listed values")?;
        if !variants.contains(&s) {
            let list = variants.iter().map(|f| format!("`{f}`")).collect::<Vec<_>>().join(", ");
            let hint = suggest(s, variants.iter().copied())
                .map(|v| format!("did you mean `{v}`?"))
                .unwrap_or_default();
            return Err(self.err(format!("unknown value `{s}`{SEP}one of {list}{SEP}{hint}")));
        }
        self.at(visitor.visit_enum(s.to_owned().into_deserializer()))
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.at(visitor.visit_unit())
    }
}

struct Seq<'a, I> {
    items: I,
    ctx: &'a Ctx<'a>,
}

impl<'de, 'a, I: Iterator<Item = &'a Node>> de::SeqAccess<'de> for Seq<'a, I> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        for node in self.items.by_ref() {
            if self.ctx.pruned.contains(&node.id) {
                continue;
            }
            return seed
                .deserialize(NodeDe { node, ctx: self.ctx })
                .map(Some)
                .map_err(|e| e.at(node));
        }
        Ok(None)
    }
}

struct Map<'a, I> {
    entries: I,
    value: Option<&'a Node>,
    ctx: &'a Ctx<'a>,
}

impl<'de, 'a, I: Iterator<Item = &'a (Node, Node)>> de::MapAccess<'de> for Map<'a, I> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        match self.entries.next() {
            Some((k, v)) => {
                self.value = Some(v);
                seed.deserialize(NodeDe { node: k, ctx: self.ctx }).map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        match self.value.take() {
            Some(node) => seed.deserialize(NodeDe { node, ctx: self.ctx }).map_err(|e| e.at(node)),
            None => Err(de::Error::custom("value requested before key")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::yaml;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Step {
        name: String,
        emotion: f64,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Root {
        title: String,
        steps: Vec<Step>,
        count: Option<u32>,
    }

    fn run(text: &str) -> (Option<Root>, Vec<Diagnostic>) {
        let mut d = yaml::parse(text, "t.yaml", "").unwrap();
        yaml::finish(&mut d, "t.yaml", "");
        from_document::<Root>(&d, "t.yaml")
    }

    #[test]
    fn reads_typed_scalars() {
        let (v, d) = run("title: 123\nsteps:\n  - {name: 进门, emotion: -2}\ncount: 4\n");
        assert!(d.is_empty(), "{d:?}");
        let v = v.unwrap();
        assert_eq!(v.title, "123");
        assert_eq!(v.steps[0].emotion, -2.0);
        assert_eq!(v.count, Some(4));
    }

    #[test]
    fn reports_every_problem() {
        let text = "titel: x\nsteps:\n  - {name: a, emotion: 很好}\n  - {name: b, emotoin: 1}\n  - {name: c, emotion: 2}\ncount: -1\n";
        let (v, d) = run(text);
        assert!(v.is_none());
        let msgs: Vec<String> = d
            .iter()
            .map(|d| format!("{}:{} {} {}", d.pos.line, d.pos.col, d.path, d.message))
            .collect();
        assert!(msgs.iter().any(|m| m.contains("unknown field `titel`")), "{msgs:#?}");
        assert!(
            msgs.iter().any(|m| m.contains("steps[0].emotion `很好` is not a number")),
            "{msgs:#?}"
        );
        assert!(msgs.iter().any(|m| m.contains("unknown field `emotoin`")), "{msgs:#?}");
        // `emotoin` next to a missing `emotion` is reported once, as a misspelling
        assert!(!msgs.iter().any(|m| m.contains("steps[1] missing field")), "{msgs:#?}");
        assert_eq!(msgs.iter().filter(|m| m.contains("`titel`")).count(), 1, "{msgs:#?}");
        assert!(msgs.iter().any(|m| m.contains("count -1 is out of range")), "{msgs:#?}");
        let hint = d.iter().find(|d| d.message.contains("titel")).and_then(|d| d.hint.clone());
        assert_eq!(hint.as_deref(), Some("did you mean `title`?"));
        // the pruned `emotion` of steps[0] does not also produce "missing field"
        assert!(!msgs.iter().any(|m| m.contains("steps[0] missing")), "{msgs:#?}");
    }
}
