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

/// `kano new` makes a folder that checks clean, in both languages, and never overwrites.
#[test]
fn new_scaffolds_a_clean_workshop() {
    let tmp = tempfile::tempdir().unwrap();
    for (lang, groups, refused) in [
        ("zh-CN", "6 个小组", "已存在且不是空文件夹"),
        ("en", "3 group(s)", "already exists and is not empty"),
    ] {
        let dir = tmp.path().join(format!("ws-{lang}"));
        let d = dir.to_str().unwrap();
        let o = kano(&["new", d, "--lang", lang]);
        assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
        // in the example's language
        let said = String::from_utf8_lossy(&o.stdout);
        let created = if lang == "en" { "created " } else { "已创建 " };
        assert!(said.starts_with(created) && said.contains(&format!("kano check {d}")), "{said}");
        let first = std::fs::read_to_string(dir.join("workshop.yaml")).unwrap();
        assert!(first.starts_with("# yaml-language-server: $schema=schema/workshop.schema.json"));
        assert!(dir.join("schema/workshop.schema.json").is_file());
        // the comments name the new folder, not the example's place in the repository
        assert!(first.contains(&format!("kano check {d}")), "{first}");
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
                assert!(!text.contains("workshops/"), "{} names the example", path.display());
            }
        }
        let o = kano(&["check", "--deny-warnings", d]);
        assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
        assert!(String::from_utf8_lossy(&o.stdout).contains(groups));
        // a second run refuses and leaves the folder as it was
        let before = std::fs::read(dir.join("workshop.yaml")).unwrap();
        let o = kano(&["new", d, "--lang", lang]);
        assert_eq!(code(&o), 2);
        assert!(String::from_utf8_lossy(&o.stderr).contains(refused));
        assert_eq!(std::fs::read(dir.join("workshop.yaml")).unwrap(), before);
    }
    // nothing but the two folders was left behind (no temporary folders)
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 2);
}

#[test]
fn new_refuses_a_file() {
    let tmp = tempfile::tempdir().unwrap();
    let f = tmp.path().join("taken");
    std::fs::write(&f, "x").unwrap();
    let o = kano(&["new", f.to_str().unwrap()]);
    assert_eq!(code(&o), 2);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.starts_with("错误：") && err.contains("已存在，但不是文件夹"), "{err}");
    assert!(err.contains("= 提示：请换一个新的文件夹名"), "{err}");
    let o = kano(&["new", f.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(code(&o), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("is not a folder"));
}
