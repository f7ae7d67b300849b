//! The JSON IR: valid against its own schema, and carrying the facts binding authors need.

use cloudabi_gen::backend::json;
use serde_json::Value;

fn files() -> (Value, Value) {
    let ir = crate::specs::ours();
    let out = json::generate(&ir);
    let get = |name: &str| -> Value {
        let f = out.iter().find(|f| f.path == name).unwrap();
        serde_json::from_str(&f.contents).unwrap()
    };
    (get("json/cloudabi.json"), get("json/cloudabi.schema.json"))
}

#[test]
fn document_validates_against_schema() {
    let (doc, schema) = files();
    let validator = jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema");
    let errors: Vec<String> = validator
        .iter_errors(&doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .take(5)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn schema_rejects_a_broken_document() {
    let (mut doc, schema) = files();
    doc["syscalls"][0]["number"] = Value::String("zero".into());
    let validator = jsonschema::validator_for(&schema).unwrap();
    assert!(!validator.is_valid(&doc));
}

#[test]
fn carries_layouts_numbers_and_links() {
    let (doc, _) = files();
    assert_eq!(doc["format_version"], 1);
    let types = doc["types"].as_array().unwrap();
    let sub = types.iter().find(|t| t["name"] == "subscription").unwrap();
    assert_eq!(sub["kind"], "struct");
    assert_eq!(sub["layout"]["size"]["32"], 56);
    assert_eq!(sub["machine_dependent"], true);
    let variant = sub["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["kind"] == "variant")
        .unwrap();
    assert_eq!(variant["tag"], "type");
    let syscalls = doc["syscalls"].as_array().unwrap();
    assert_eq!(syscalls.len(), 49);
    let fd_read = syscalls.iter().find(|s| s["name"] == "fd_read").unwrap();
    assert_eq!(fd_read["parameters"][2]["name"], "iovs_len");
    assert_eq!(fd_read["parameters"][3]["direction"], "out");
    assert!(count_links(&doc) > 100, "{}", count_links(&doc));
    let span = &fd_read["span"];
    assert!(span["line"].as_u64().unwrap() > 1000);
}

fn count_links(v: &Value) -> usize {
    match v {
        Value::Object(map) => {
            let here = map
                .get("links")
                .and_then(Value::as_array)
                .map_or(0, Vec::len);
            here + map.values().map(count_links).sum::<usize>()
        }
        Value::Array(items) => items.iter().map(count_links).sum(),
        _ => 0,
    }
}
