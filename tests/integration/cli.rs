//! `kano schema`, `kano new` and the command line itself.

use crate::harness::{code, kano, root};

/// The schema files shipped beside the examples are exactly what `kano schema` prints.
#[test]
fn shipped_schemas_are_current() {
    for (part, file) in [("workshop", "workshop.schema.json"), ("group", "group.schema.json")] {
        let o = kano(&["schema", "--part", part]);
        assert_eq!(code(&o), 0);
        let shipped = std::fs::read_to_string(root().join("workshops/schema").join(file)).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&o.stdout),
            shipped,
            "workshops/schema/{file} is stale: run `cargo run -- schema --part {part} > workshops/schema/{file}`"
        );
    }
}

#[test]
fn schema_lists_chinese_enum_names() {
    let o = kano(&["schema"]);
    let s = String::from_utf8_lossy(&o.stdout);
    for name in ["有形度", "首触点", "倾听的差距", "净推荐值", "\"additionalProperties\": false"]
    {
        assert!(s.contains(name), "schema lacks {name}");
    }
    let v: serde_json::Value = serde_json::from_str(&s).unwrap();
    assert_eq!(v["title"], "kano workshop file");
}

#[test]
fn unknown_subcommand_is_exit_2() {
    assert_eq!(code(&kano(&["frobnicate"])), 2);
}
