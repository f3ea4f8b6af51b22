//! Node tree → typed structs, collecting every problem instead of stopping at the first.
//!
//! A serde `Deserializer` over [`Node`]: scalars are interpreted by the type asked for (a
//! plain `95` is a number for `f64` and the text "95" for `String`), unknown keys are
//! reported with a did-you-mean and skipped, and each hard error is recorded and
//! deserialisation run again, so one run reports all of them. A value that was wrong is
//! not dropped (dropping a required field would lose its whole record, and with it the
//! record's other errors and checks): the next round reads a *placeholder* in its place
//! (NaN for a number, [`PLACEHOLDER`] for text, which dates and vocabularies map to a
//! value of their own, an empty list, a record of placeholders), and a missing required
//! field is read as a placeholder too. The paths of those values are returned, so that
//! the semantic checks skip what depends on them instead of reporting follow-on errors.
//!
//! Input: a parsed [`Document`]. Output: the value (placeholders included), every
//! [`Diagnostic`], the invalid paths. A type's own `Deserialize` (the enums, dates) can
//! carry an "expected" and a hint through [`crate::diag::rich_error`]. No I/O; no
//! semantic checks.

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt;

use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, Visitor};

use super::yaml::{Document, Node, NodeKind};
use crate::diag::{Diagnostic, Msg, PLACEHOLDER, rich_error, split_rich, suggest};

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
        let msg = Msg::new("missing_field").text("field", field);
        let hint = Msg::new("missing_field_hint").text("field", field);
        let e: Error = rich_error(msg, None, Some(hint));
        Error { missing_field: Some(field), ..e }
    }

    fn invalid_type(unexp: de::Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        rich_error(
            Msg::new("invalid_type").text("expected", exp).text("found", describe(&unexp)),
            None,
            None,
        )
    }

    fn invalid_value(unexp: de::Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        rich_error(
            Msg::new("invalid_value").text("expected", exp).text("found", describe(&unexp)),
            None,
            None,
        )
    }
}

fn describe(u: &de::Unexpected<'_>) -> String {
    match u {
        de::Unexpected::Str(s) => format!("`{s}`"),
        other => other.to_string(),
    }
}

/// A catalog word as a whole message (an "expected" that is one word).
fn word(key: &str) -> Msg {
    Msg::new("word").word("what", key)
}

/// "Expected X, found Y": the kind of node found, as a word.
fn expected_found(what: &str, found: &Node) -> Msg {
    Msg::new("expected_found").word("what", what).word("found", found.kind_name())
}

struct Ctx<'a> {
    file: &'a str,
    /// Nodes whose value was wrong: read as placeholders.
    poisoned: &'a HashSet<usize>,
    /// Required fields missing from a mapping (by the mapping's id): read as placeholders.
    missing: &'a HashMap<usize, Vec<&'static str>>,
    soft: RefCell<Vec<Diagnostic>>,
    /// Fields that an unknown key probably misspells: what is checked of them would be a
    /// follow-on of the misspelling.
    misspelled: RefCell<Vec<String>>,
}

/// What [`from_document`] made of a document.
#[derive(Debug)]
pub struct Parsed<T> {
    /// The value, placeholders standing in for wrong or missing values; `None` when the
    /// document's root itself is unusable. Usable for checks only when `diagnostics` has
    /// no error.
    pub value: Option<T>,
    /// Every problem found.
    pub diagnostics: Vec<Diagnostic>,
    /// The field paths that hold a placeholder (wrong or missing values).
    pub invalid: BTreeSet<String>,
}

/// Deserialise a document into `T`, reporting every problem found.
pub fn from_document<T: DeserializeOwned>(doc: &Document, file: &str) -> Parsed<T> {
    let mut by_id: HashMap<usize, &Node> = HashMap::new();
    index_nodes(&doc.root, &mut by_id);
    // each key's mapping: a wrong key leaves its entry out, so checks of the mapping as a
    // whole (a sum of its values) would report follow-on errors
    let mut key_of: HashMap<usize, &str> = HashMap::new();
    index_keys(&doc.root, &mut key_of);
    let mut poisoned: HashSet<usize> = HashSet::new();
    let mut missing: HashMap<usize, Vec<&'static str>> = HashMap::new();
    let mut invalid: BTreeSet<String> = BTreeSet::new();
    let mut hard: Vec<Diagnostic> = Vec::new();
    let mut soft: Vec<Diagnostic> = Vec::new();
    // Every round walks the document again, so soft diagnostics (unknown keys) repeat.
    let mut seen: HashSet<(usize, usize, Msg)> = HashSet::new();
    // Each round settles one node or one missing field, which bounds the rounds.
    for _ in 0..=2 * by_id.len() + 1 {
        let ctx = Ctx {
            file,
            poisoned: &poisoned,
            missing: &missing,
            soft: RefCell::new(Vec::new()),
            misspelled: RefCell::new(Vec::new()),
        };
        let result = T::deserialize(NodeDe { node: &doc.root, ctx: &ctx });
        invalid.extend(ctx.misspelled.into_inner());
        for d in ctx.soft.into_inner() {
            if seen.insert((d.pos.line, d.pos.col, d.message.clone())) {
                soft.push(d);
            }
        }
        let e = match result {
            Ok(value) => {
                hard.extend(soft);
                return Parsed { value: Some(value), diagnostics: hard, invalid };
            }
            Err(e) => e,
        };
        let node = e.node.and_then(|id| by_id.get(&id).copied()).unwrap_or(&doc.root);
        if let (Some(field), NodeKind::Map(entries)) = (e.missing_field, &node.kind)
            && !missing.get(&node.id).is_some_and(|m| m.contains(&field))
        {
            // "missing `title`" next to an unknown `titel` (reported with a did-you-mean)
            // says the same thing twice.
            let misspelled = entries.iter().any(|(k, _)| {
                k.as_str().is_some_and(|key| key != field && suggest(key, [field]).is_some())
            });
            if !misspelled {
                hard.push(to_diag(&e, node, file));
            }
            missing.entry(node.id).or_default().push(field);
            invalid.insert(child_path(&node.path, field));
            continue;
        }
        hard.push(to_diag(&e, node, file));
        if node.id == doc.root.id || !poisoned.insert(node.id) {
            break;
        }
        invalid.insert(node.path.clone());
        if let Some(map) = key_of.get(&node.id) {
            invalid.insert((*map).to_owned());
        }
    }
    hard.extend(soft);
    Parsed { value: None, diagnostics: hard, invalid }
}

/// A value made of placeholders only (for a file that could not be read as one).
pub fn placeholder<T: DeserializeOwned>() -> Option<T> {
    T::deserialize(Placeholder).ok()
}

fn child_path(parent: &str, field: &str) -> String {
    if parent.is_empty() { field.to_owned() } else { format!("{parent}.{field}") }
}

/// Each mapping key's id → the path of its mapping.
fn index_keys<'n>(n: &'n Node, map: &mut HashMap<usize, &'n str>) {
    match &n.kind {
        NodeKind::Seq(items) => items.iter().for_each(|i| index_keys(i, map)),
        NodeKind::Map(entries) => entries.iter().for_each(|(k, v)| {
            map.insert(k.id, n.path.as_str());
            index_keys(v, map);
        }),
        _ => {}
    }
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
    d.expected = expected;
    d.hint = hint;
    d
}

struct NodeDe<'a> {
    node: &'a Node,
    ctx: &'a Ctx<'a>,
}

impl NodeDe<'_> {
    fn err(&self, message: Msg, expected: Option<Msg>, hint: Option<Msg>) -> Error {
        let e: Error = rich_error(message, expected, hint);
        Error { node: Some(self.node.id), ..e }
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
            _ => Err(self.err(expected_found(what, self.node), Some(word(what)), None)),
        }
    }

    fn number(&self) -> Result<f64, Error> {
        let s = self.scalar("a_number")?;
        let cleaned = s.replace('_', "");
        match cleaned.parse::<f64>() {
            Ok(v) if v.is_finite() => Ok(v),
            _ => {
                let hint = if s.ends_with('%') || s.ends_with('\u{FF05}') {
                    "number_percent_hint"
                } else {
                    "number_digits_hint"
                };
                Err(self.err(
                    Msg::new("not_a_number").text("value", s),
                    Some(word("a_number")),
                    Some(Msg::new(hint)),
                ))
            }
        }
    }

    fn integer(&self, what: &str) -> Result<i64, Error> {
        let v = self.number()?;
        if v.fract() != 0.0 || v.abs() > 9.0e15 {
            return Err(self.err(Msg::new("not_whole").text("value", v), Some(word(what)), None));
        }
        // the range check above makes the cast exact
        Ok(v as i64)
    }
}

macro_rules! signed {
    ($($method:ident => $visit:ident: $t:ty),*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            let v = self.integer("whole_number")?;
            let v = <$t>::try_from(v).map_err(|_| {
                self.err(Msg::new("out_of_range").text("value", v), Some(word("whole_number")), None)
            })?;
            self.at(visitor.$visit(v))
        }
    )*};
}

macro_rules! unsigned {
    ($($method:ident => $visit:ident: $t:ty),*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            let v = self.integer("whole_number_positive")?;
            let v = <$t>::try_from(v).map_err(|_| {
                self.err(
                    Msg::new("out_of_range").text("value", v),
                    Some(word("whole_number_positive")),
                    None,
                )
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
        let s = self.scalar("true_or_false")?;
        match s.to_ascii_lowercase().as_str() {
            "true" => self.at(visitor.visit_bool(true)),
            "false" => self.at(visitor.visit_bool(false)),
            _ => Err(self.err(
                Msg::new("not_a_bool").text("value", s),
                Some(word("true_or_false")),
                None,
            )),
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
            NodeKind::Null => Err(self.err(
                Msg::new("empty_value"),
                Some(word("text")),
                Some(Msg::new("empty_value_hint")),
            )),
            _ => Err(self.err(expected_found("text", self.node), Some(word("text")), None)),
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
                return Err(self.err(
                    expected_found("a_list", self.node),
                    Some(word("a_list")),
                    Some(Msg::new("list_hint")),
                ));
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
                return Err(self.err(
                    expected_found("a_mapping", self.node),
                    Some(word("a_mapping")),
                    None,
                ));
            }
        };
        // a key that was wrong (a map keyed by a vocabulary) leaves its entry out
        let entries: Vec<Entry<'_>> = entries
            .iter()
            .filter(|(k, _)| !self.ctx.poisoned.contains(&k.id))
            .map(Entry::Real)
            .collect();
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
                return Err(self.err(
                    expected_found("a_mapping", self.node),
                    Some(Msg::new("mapping_with_fields").list("list", fields.iter())),
                    None,
                ));
            }
        };
        let mut keep = Vec::with_capacity(entries.len());
        for entry in entries {
            let (k, _) = entry;
            let key = k.as_str().unwrap_or_default();
            if fields.contains(&key) {
                keep.push(Entry::Real(entry));
            } else if key.starts_with('$') || key.starts_with("x-") {
                // `$schema`-style keys and `x-` extensions are for editors and other tools.
            } else {
                let mut d = Diagnostic::error(
                    self.ctx.file,
                    k.pos,
                    k.path.clone(),
                    Msg::new("unknown_field").text("key", key),
                )
                .expected(Msg::one_of(fields.iter()));
                if let Some(s) = suggest(key, fields.iter().copied()) {
                    d.hint = Some(Msg::did_you_mean(s));
                    self.ctx.misspelled.borrow_mut().push(child_path(&self.node.path, s));
                }
                self.ctx.soft.borrow_mut().push(d);
            }
        }
        if let Some(missing) = self.ctx.missing.get(&self.node.id) {
            keep.extend(missing.iter().map(|f| Entry::Missing(f)));
        }
        self.at(visitor.visit_map(Map { entries: keep.into_iter(), value: None, ctx: self.ctx }))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let s = self.scalar("listed_value")?;
        if !variants.contains(&s) {
            return Err(self.err(
                Msg::new("unknown_value").text("value", s),
                Some(Msg::one_of(variants.iter())),
                suggest(s, variants.iter().copied()).map(Msg::did_you_mean),
            ));
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

/// Deserialise `node`, or a placeholder in its place when its value was wrong.
fn node_or_placeholder<'de, 'a, T: DeserializeSeed<'de>>(
    seed: T,
    node: &'a Node,
    ctx: &'a Ctx<'a>,
) -> Result<T::Value, Error> {
    if ctx.poisoned.contains(&node.id) {
        seed.deserialize(Placeholder).map_err(|e| e.at(node))
    } else {
        seed.deserialize(NodeDe { node, ctx }).map_err(|e| e.at(node))
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
        match self.items.next() {
            Some(node) => node_or_placeholder(seed, node, self.ctx).map(Some),
            None => Ok(None),
        }
    }
}

/// An entry of a mapping: as written, or a required field that is missing.
enum Entry<'a> {
    Real(&'a (Node, Node)),
    Missing(&'static str),
}

struct Map<'a, I> {
    entries: I,
    value: Option<Option<&'a Node>>,
    ctx: &'a Ctx<'a>,
}

impl<'de, 'a, I: Iterator<Item = Entry<'a>>> de::MapAccess<'de> for Map<'a, I> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        match self.entries.next() {
            Some(Entry::Real((k, v))) => {
                self.value = Some(Some(v));
                // a wrong key (a map keyed by a vocabulary) is reported at the key itself
                seed.deserialize(NodeDe { node: k, ctx: self.ctx }).map(Some).map_err(|e| e.at(k))
            }
            Some(Entry::Missing(field)) => {
                self.value = Some(None);
                seed.deserialize(field.into_deserializer()).map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        match self.value.take() {
            Some(Some(node)) => node_or_placeholder(seed, node, self.ctx),
            Some(None) => seed.deserialize(Placeholder),
            None => Err(de::Error::custom("value requested before key")),
        }
    }
}

/// Answers every request with a placeholder value: NaN, zero, false, [`PLACEHOLDER`]
/// text, nothing, an empty list or mapping, the first variant, a record of placeholders.
struct Placeholder;

macro_rules! placeholder {
    ($($method:ident => $visit:ident($v:expr)),*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            visitor.$visit($v)
        }
    )*};
}

impl<'de> de::Deserializer<'de> for Placeholder {
    type Error = Error;

    placeholder!(deserialize_bool => visit_bool(false),
        deserialize_i8 => visit_i64(0), deserialize_i16 => visit_i64(0),
        deserialize_i32 => visit_i64(0), deserialize_i64 => visit_i64(0),
        deserialize_u8 => visit_u64(0), deserialize_u16 => visit_u64(0),
        deserialize_u32 => visit_u64(0), deserialize_u64 => visit_u64(0),
        deserialize_f32 => visit_f64(f64::NAN), deserialize_f64 => visit_f64(f64::NAN),
        deserialize_char => visit_char('?'),
        deserialize_str => visit_str(PLACEHOLDER), deserialize_string => visit_str(PLACEHOLDER),
        deserialize_bytes => visit_str(PLACEHOLDER), deserialize_byte_buf => visit_str(PLACEHOLDER),
        deserialize_identifier => visit_str(PLACEHOLDER));

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_none()
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_seq(Fields(&[]))
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
        visitor.visit_map(Fields(&[]))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_map(Fields(fields))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let first = variants.first().copied().unwrap_or_default();
        visitor.visit_enum(first.into_deserializer())
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }
}

/// A record of placeholders, field by field (no fields: an empty list or mapping).
struct Fields(&'static [&'static str]);

impl<'de> de::SeqAccess<'de> for Fields {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        _seed: T,
    ) -> Result<Option<T::Value>, Error> {
        Ok(None)
    }
}

impl<'de> de::MapAccess<'de> for Fields {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        match self.0.split_first() {
            Some((field, rest)) => {
                self.0 = rest;
                seed.deserialize((*field).into_deserializer()).map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        seed.deserialize(Placeholder)
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
        let p = parse(text);
        let ok = p.diagnostics.iter().all(|d| !d.is_error());
        (p.value.filter(|_| ok), p.diagnostics)
    }

    fn parse(text: &str) -> Parsed<Root> {
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

    fn described(d: &[Diagnostic]) -> Vec<String> {
        d.iter().map(|d| format!("{}:{} {} {}", d.pos.line, d.pos.col, d.path, d.message)).collect()
    }

    #[test]
    fn reports_every_problem() {
        let text = "titel: x\nsteps:\n  - {name: a, emotion: 很好}\n  - {name: b, emotoin: 1}\n  - {name: c, emotion: 2}\ncount: -1\n";
        let (v, d) = run(text);
        assert!(v.is_none());
        let msgs = described(&d);
        assert!(msgs.iter().any(|m| m.contains("unknown_field key=`titel`")), "{msgs:#?}");
        assert!(
            msgs.iter().any(|m| m.contains("steps[0].emotion not_a_number value=`很好`")),
            "{msgs:#?}"
        );
        assert!(msgs.iter().any(|m| m.contains("unknown_field key=`emotoin`")), "{msgs:#?}");
        // `emotoin` next to a missing `emotion` is reported once, as a misspelling
        assert!(!msgs.iter().any(|m| m.contains("steps[1] missing_field")), "{msgs:#?}");
        assert_eq!(msgs.iter().filter(|m| m.contains("`titel`")).count(), 1, "{msgs:#?}");
        assert!(msgs.iter().any(|m| m.contains("count out_of_range value=`-1`")), "{msgs:#?}");
        let hint =
            d.iter().find(|d| d.message.arg("key") == Some("titel")).and_then(|d| d.hint.clone());
        assert_eq!(hint, Some(Msg::did_you_mean("title")));
        // the wrong `emotion` of steps[0] does not also produce "missing field"
        assert!(!msgs.iter().any(|m| m.contains("steps[0] missing")), "{msgs:#?}");
        assert_eq!(msgs.len(), 4, "{msgs:#?}");
    }

    /// A wrong value is replaced by a placeholder, so that its record (and the records
    /// around it) are still read: the caller sees every value that was right, and the
    /// paths of those that were not.
    #[test]
    fn wrong_values_keep_their_records() {
        let text = "title: [a]\nsteps:\n  - {name: a, emotion: 很好}\n  - 7\n  - {name: c}\n  - {name: d, emotion: 3}\ncount: x\n";
        let p = parse(text);
        let v = p.value.unwrap();
        assert_eq!(v.title, PLACEHOLDER);
        assert_eq!(v.steps.len(), 4);
        assert_eq!(v.steps[0].name, "a");
        assert!(v.steps[0].emotion.is_nan());
        assert_eq!(v.steps[1].name, PLACEHOLDER);
        assert!(v.steps[2].emotion.is_nan());
        assert_eq!((v.steps[3].name.as_str(), v.steps[3].emotion), ("d", 3.0));
        assert_eq!(v.count, None);
        let invalid: Vec<&str> = p.invalid.iter().map(String::as_str).collect();
        assert_eq!(invalid, ["count", "steps[0].emotion", "steps[1]", "steps[2].emotion", "title"]);
        let msgs = described(&p.diagnostics);
        assert_eq!(msgs.len(), 5, "{msgs:#?}");
        assert!(
            msgs.iter().any(|m| m.contains("steps[2] missing_field field=`emotion`")),
            "{msgs:#?}"
        );
    }
}
