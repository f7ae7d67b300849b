//! Conformance: do two specs declare the same ABI? Compares every fact (names, types,
//! values, members, variant arms, layouts, syscall numbers and signatures) and ignores doc
//! text and source positions.

use crate::backend::json;
use crate::ir::Ir;
use serde_json::Value;

/// One fact that differs. `ours`/`theirs` is `None` where only the other spec has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    pub path: String,
    pub ours: Option<String>,
    pub theirs: Option<String>,
}

impl std::fmt::Display for Difference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (&self.ours, &self.theirs) {
            (Some(a), Some(b)) => write!(f, "{}: ours {a}, theirs {b}", self.path),
            (Some(a), None) => write!(f, "{}: only in ours ({a})", self.path),
            (None, Some(b)) => write!(f, "{}: only in theirs ({b})", self.path),
            (None, None) => write!(f, "{}", self.path),
        }
    }
}

/// Every difference between the ABIs two IRs declare, in our spec's order.
pub fn compare(ours: &Ir, theirs: &Ir) -> Vec<Difference> {
    let a = facts(ours);
    let b = facts(theirs);
    let lookup = |facts: &[(String, String)], key: &str| {
        facts.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
    };
    let b_map: std::collections::HashMap<&str, &str> =
        b.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let a_map: std::collections::HashMap<&str, &str> =
        a.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let mut diffs = Vec::new();
    for (key, value) in &a {
        match b_map.get(key.as_str()) {
            Some(other) if other == value => {}
            other => diffs.push(Difference {
                path: key.clone(),
                ours: Some(value.clone()),
                theirs: other.map(|s| s.to_string()),
            }),
        }
    }
    for (key, _) in b.iter().filter(|(k, _)| !a_map.contains_key(k.as_str())) {
        diffs.push(Difference {
            path: key.clone(),
            ours: None,
            theirs: lookup(&b, key),
        });
    }
    diffs
}

/// The ABI as flat `path = value` facts. Array elements with a `name` are keyed by it, so
/// a renamed or missing item shows up once rather than shifting everything after it.
pub fn facts(ir: &Ir) -> Vec<(String, String)> {
    let mut doc = serde_json::to_value(json::document(ir)).expect("the model serializes");
    strip(&mut doc);
    let mut out = Vec::new();
    if let Value::Object(map) = doc {
        for key in ["types", "syscalls"] {
            flatten(&map[key], key, &mut out);
        }
    }
    out
}

/// Removes what is not part of the ABI: docs, positions, the spec's file name; what a
/// parameter's memory is used for (`@address`, `@count`, `@filled`), which host sides need
/// but the C ABI does not carry and the upstream notation cannot state; and the values a
/// member names itself (`0 exited`), which upstream states only in prose.
fn strip(v: &mut Value) {
    match v {
        Value::Object(map) => {
            for k in [
                "doc",
                "span",
                "spec",
                "used_by",
                "dependencies",
                "access",
                "counted_by",
                "filled_by",
                "own_values",
            ] {
                map.remove(k);
            }
            map.values_mut().for_each(strip);
        }
        Value::Array(items) => items.iter_mut().for_each(strip),
        _ => {}
    }
}

fn flatten(v: &Value, path: &str, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                flatten(child, &format!("{path}.{k}"), out);
            }
        }
        Value::Array(items) => {
            out.push((format!("{path}.len"), items.len().to_string()));
            for (i, item) in items.iter().enumerate() {
                let key = match item.get("name") {
                    Some(Value::String(name)) => name.clone(),
                    _ => format!("#{i}"),
                };
                flatten(item, &format!("{path}[{key}]"), out);
            }
        }
        other => out.push((path.to_string(), other.to_string())),
    }
}
