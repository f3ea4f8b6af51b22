//! The JSON Schema of the workshop file format, generated from the model's types so that
//! it can never disagree with what `kano check` accepts. Editors use it for completion
//! through the `# yaml-language-server: $schema=…` comment at the top of each file.

use crate::cli::SchemaPart;
use crate::model::{Group, WorkshopFile};

/// The schema of one kind of file, as pretty-printed JSON with a trailing newline.
pub fn schema_json(part: SchemaPart) -> String {
    let generator =
        schemars::generate::SchemaSettings::draft2020_12().for_deserialize().into_generator();
    let schema = match part {
        SchemaPart::Workshop => generator.into_root_schema_for::<WorkshopFile>(),
        SchemaPart::Group => generator.into_root_schema_for::<Group>(),
    };
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
    s.push('\n');
    s
}

/// The file name under which each schema ships beside the examples.
pub fn file_name(part: SchemaPart) -> &'static str {
    match part {
        SchemaPart::Workshop => "workshop.schema.json",
        SchemaPart::Group => "group.schema.json",
    }
}
