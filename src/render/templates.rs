//! The report templates: tera 2, embedded in the binary, rendering Markdown-subset markup
//! that [`super::pdf::markup`] turns into layout blocks. All templates are parsed when the
//! engine is built, so a template mistake fails before any output is written.

use tera::{Context, Kwargs, State, Tera, Value};

use crate::format::Num;

use crate::view::ReportContext;

/// The embedded default templates: (name, source).
pub const DEFAULT_TEMPLATES: &[(&str, &str)] = &[
    ("report.md", include_str!("../../templates/report/report.md")),
    ("cover.md", include_str!("../../templates/report/cover.md")),
    ("contents.md", include_str!("../../templates/report/contents.md")),
    ("groups.md", include_str!("../../templates/report/groups.md")),
    ("standards.md", include_str!("../../templates/report/standards.md")),
    ("journeys.md", include_str!("../../templates/report/journeys.md")),
    ("proposals.md", include_str!("../../templates/report/proposals.md")),
    ("measurement.md", include_str!("../../templates/report/measurement.md")),
    ("gaps.md", include_str!("../../templates/report/gaps.md")),
    ("kano.md", include_str!("../../templates/report/kano.md")),
    ("summary.md", include_str!("../../templates/report/summary.md")),
    ("servqual.md", include_str!("../../templates/report/servqual.md")),
    ("metrics.md", include_str!("../../templates/report/metrics.md")),
    ("market_damage.md", include_str!("../../templates/report/market_damage.md")),
    ("pk.md", include_str!("../../templates/report/pk.md")),
    ("actions.md", include_str!("../../templates/report/actions.md")),
    ("methods.md", include_str!("../../templates/report/methods.md")),
];

/// Escape text so the markup parser shows it as typed: Markdown's ASCII punctuation gets a
/// backslash, line breaks become spaces.
pub fn escape_md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    // a leading `-` or `+` would start a bullet list, `1.` or `1)` an ordered one; CommonMark
    // escapes only punctuation, so the backslash goes before the `.` or `)`, not the digit
    if out.starts_with(['-', '+']) {
        out.insert(0, '\\');
    } else {
        let digits = out.chars().take_while(char::is_ascii_digit).count();
        let rest = &out[digits..];
        if digits > 0 && (rest.starts_with(". ") || rest.starts_with(") ")) {
            out.insert(digits, '\\');
        }
    }
    out
}

fn md_filter(v: &str, _: Kwargs, _: &State) -> String {
    escape_md(v)
}

/// A number with `d` decimals (default 1), grouped in thousands when `sep` is true; `pct`
/// multiplies a fraction by 100 first; `sign` shows `+` on positive numbers; a negative
/// number takes the typographic minus `−`, as in the charts. Written by [`Num`], so it rounds as every other output does (half away from zero on the printed
/// digits: 0.125 → `0.13`). A missing value (null) or a non-finite one is shown as `—`.
fn fmt_filter(v: &Value, kwargs: Kwargs, _: &State) -> tera::TeraResult<String> {
    let d = usize::try_from(kwargs.get::<i64>("d")?.unwrap_or(1)).unwrap_or(1).min(6);
    let mut n = Num::fixed(d).typographic();
    if kwargs.get::<bool>("pct")?.unwrap_or(false) {
        n = n.percent();
    }
    if kwargs.get::<bool>("sep")?.unwrap_or(false) {
        n = n.grouped();
    }
    if kwargs.get::<bool>("sign")?.unwrap_or(false) {
        n = n.plus();
    }
    Ok(n.or_dash(v.as_f64()))
}

/// Build the engine with the default templates.
pub fn engine() -> Result<Tera, tera::Error> {
    engine_with(&[])
}

/// Build the engine with the default templates, `overrides` (name, source) replacing those
/// of the same name and adding the others.
pub fn engine_with(overrides: &[(String, String)]) -> Result<Tera, tera::Error> {
    let mut tera = Tera::new();
    tera.autoescape_on(Vec::<&str>::new());
    tera.register_filter("md", md_filter);
    tera.register_filter("cell", md_filter);
    tera.register_filter("fmt", fmt_filter);
    let defaults = DEFAULT_TEMPLATES
        .iter()
        .filter(|(name, _)| !overrides.iter().any(|(n, _)| n == name))
        .map(|(n, s)| (*n, *s));
    let all = defaults.chain(overrides.iter().map(|(n, s)| (n.as_str(), s.as_str())));
    tera.add_raw_templates(all)?;
    Ok(tera)
}

/// Render the report markup.
pub fn render_report(tera: &Tera, ctx: &ReportContext) -> Result<String, tera::Error> {
    let context = Context::from_serialize(ctx)?;
    tera.render("report.md", &context)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markdown() {
        assert_eq!(escape_md("a|b *c*"), "a\\|b \\*c\\*");
        assert_eq!(escape_md("-1 分"), "\\-1 分");
        assert_eq!(escape_md("3. 步骤"), "3\\. 步骤");
        assert_eq!(escape_md("12) 步骤"), "12\\) 步骤");
        assert_eq!(escape_md("≥95%"), "≥95%");
    }

    #[test]
    fn numbers_format() {
        let tera = {
            let mut t = Tera::new();
            t.register_filter("fmt", fmt_filter);
            t.add_raw_template(
                "t",
                "{{ a | fmt }}|{{ a | fmt(d=0, sep=true) }}|{{ b | fmt(pct=true) }}|{{ c | fmt }}|{{ z | fmt(sign=true) }}|{{ a | fmt(sign=true, d=2) }}|{{ h | fmt(d=2) }}|{{ -h | fmt(d=2) }}|{{ g | fmt(d=2, sep=true) }}",
            )
            .unwrap();
            t
        };
        let mut ctx = Context::new();
        ctx.insert("a", &12345.678);
        ctx.insert("b", &0.062);
        ctx.insert("c", &Option::<f64>::None);
        ctx.insert("z", &-0.01);
        ctx.insert("h", &0.125);
        ctx.insert("g", &-6_770_342.885);
        assert_eq!(
            tera.render("t", &ctx).unwrap(),
            "12345.7|12,346|6.2|—|0.0|+12345.68|0.13|\u{2212}0.13|\u{2212}6,770,342.89"
        );
    }

    #[test]
    fn templates_parse() {
        assert!(engine().is_ok());
    }

    #[test]
    fn a_wording_key_the_catalog_lacks_is_an_error() {
        let mut t = Tera::new();
        t.add_raw_template("ok", "{{ t.contents }}").unwrap();
        t.add_raw_template("typo", "{{ t.contnets }}").unwrap();
        let mut ctx = Context::new();
        ctx.insert("t", crate::i18n::catalog("zh-CN").tree("report").unwrap());
        assert_eq!(t.render("ok", &ctx).unwrap(), "目录");
        assert!(t.render("typo", &ctx).is_err());
    }
}
