//! Scalar rules: the YAML 1.2 core schema for plain scalars, and the explicit
//! `!!` tags.

use argdata::{Integer, Value};
use base64::Engine;

use super::timestamp;

/// A scalar without a tag. Quoted and block scalars are always strings.
pub(super) fn untagged(text: &str, plain: bool) -> Result<Value, String> {
    if !plain {
        return Ok(Value::Str(text.to_string()));
    }
    if is_null(text) {
        return Ok(Value::Null);
    }
    if let Some(b) = bool_of(text) {
        return Ok(Value::Bool(b));
    }
    if looks_like_int(text) {
        return int_of(text).map(Value::Int);
    }
    if let Some(f) = float_of(text) {
        return Ok(Value::Float(f));
    }
    Ok(Value::Str(text.to_string()))
}

/// A scalar with a `!!suffix` tag.
pub(super) fn tagged(suffix: &str, text: &str) -> Result<Value, String> {
    match suffix {
        "str" => Ok(Value::Str(text.to_string())),
        "null" if is_null(text) => Ok(Value::Null),
        "null" => Err(format!("{text:?} is not a null value")),
        "bool" => bool_of(text)
            .map(Value::Bool)
            .ok_or_else(|| format!("{text:?} is not a bool")),
        "int" if looks_like_int(text) => int_of(text).map(Value::Int),
        "int" => Err(format!("{text:?} is not an integer")),
        "float" => float_of(text)
            .or_else(|| int_of(text).ok().map(|i| i.get() as f64))
            .map(Value::Float)
            .ok_or_else(|| format!("{text:?} is not a float")),
        "binary" => binary_of(text).map(Value::Binary),
        "timestamp" => timestamp::parse(text).map(Value::Timestamp).ok_or_else(|| {
            format!("{text:?} is not a timestamp (YYYY-MM-DD[Thh:mm:ss[.frac][Z|±hh[:mm]]])")
        }),
        "seq" | "map" => Err(format!("tag !!{suffix} cannot be put on a scalar")),
        _ => Err(format!("unsupported tag !!{suffix}")),
    }
}

fn is_null(text: &str) -> bool {
    matches!(text, "" | "~" | "null" | "Null" | "NULL")
}

fn bool_of(text: &str) -> Option<bool> {
    match text {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

/// The core schema's int forms: `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`.
fn looks_like_int(text: &str) -> bool {
    let digits = |s: &str, ok: fn(&u8) -> bool| !s.is_empty() && s.as_bytes().iter().all(ok);
    if let Some(oct) = text.strip_prefix("0o") {
        return digits(oct, u8::is_ascii_digit);
    }
    if let Some(hex) = text.strip_prefix("0x") {
        return digits(hex, u8::is_ascii_hexdigit);
    }
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    digits(unsigned, u8::is_ascii_digit)
}

fn int_of(text: &str) -> Result<Integer, String> {
    let parsed = if let Some(oct) = text.strip_prefix("0o") {
        i128::from_str_radix(oct, 8)
    } else if let Some(hex) = text.strip_prefix("0x") {
        i128::from_str_radix(hex, 16)
    } else {
        text.parse::<i128>()
    };
    parsed
        .ok()
        .and_then(Integer::new)
        .ok_or_else(|| format!("integer {text} is outside the range -2^63 ..= 2^64-1"))
}

/// The core schema's float forms.
fn float_of(text: &str) -> Option<f64> {
    let (sign, rest) = match text.as_bytes().first() {
        Some(b'-') => (-1.0, &text[1..]),
        Some(b'+') => (1.0, &text[1..]),
        _ => (1.0, text),
    };
    match rest {
        ".inf" | ".Inf" | ".INF" => return Some(sign * f64::INFINITY),
        ".nan" | ".NaN" | ".NAN" if rest.len() == text.len() => return Some(f64::NAN),
        _ => {}
    }
    if !is_decimal_float(rest) {
        return None;
    }
    rest.parse::<f64>().ok().map(|f| sign * f)
}

/// `(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
fn is_decimal_float(s: &str) -> bool {
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let (int, frac) = match mantissa.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (mantissa, None),
    };
    let all_digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = all_digits(int)
        && frac.is_none_or(all_digits)
        && (!int.is_empty() || frac.is_some_and(|f| !f.is_empty()));
    let exponent_ok = exponent.is_none_or(|e| {
        let digits = e.strip_prefix(['-', '+']).unwrap_or(e);
        !digits.is_empty() && all_digits(digits)
    });
    mantissa_ok && exponent_ok
}

fn binary_of(text: &str) -> Result<Vec<u8>, String> {
    let compact: String = text.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    base64::engine::general_purpose::STANDARD
        .decode(compact)
        .map_err(|e| format!("!!binary is not valid base64: {e}"))
}
