//! Token-level grammar (nom): words on a line, integer literals, names and `[refs]` in docs.

use nom::branch::alt;
use nom::bytes::complete::{tag_no_case, take_while1};
use nom::character::complete::{char, one_of};
use nom::combinator::{all_consuming, opt, recognize};
use nom::multi::many0;
use nom::sequence::{pair, preceded, terminated};
use nom::{IResult, Parser};
use std::ops::Range;

/// A whitespace-separated word and its byte range within the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub range: (usize, usize),
}

/// Splits a line into words on runs of whitespace. (A plain scan: this runs on every line,
/// and nom's `many0` would allocate an intermediate vector per line.)
pub fn words(line: &str) -> impl Iterator<Item = Word<'_>> {
    let bytes = line.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() && bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        if at == bytes.len() {
            return None;
        }
        let start = at;
        while at < bytes.len() && !bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        Some(Word {
            text: &line[start..at],
            range: (start, at),
        })
    })
}

/// Why an integer literal was rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LiteralError {
    Malformed,
    LeadingZero,
    TooLarge,
}

/// Parses an integer literal: optional sign, then decimal, `0x`, `0o` or `0b` digits with
/// single `_` separators. A decimal literal may not have leading zeros (`010` is ambiguous).
pub fn int_literal(text: &str) -> Result<i128, LiteralError> {
    // Plain decimals are most of the spec's numbers; they skip the general grammar.
    let b = text.as_bytes();
    if !b.is_empty()
        && b.len() < 30
        && b.iter().all(u8::is_ascii_digit)
        && (b[0] != b'0' || b.len() == 1)
    {
        return Ok(b.iter().fold(0i128, |v, d| v * 10 + i128::from(d - b'0')));
    }
    let parsed: IResult<&str, (Option<char>, (u32, &str))> =
        all_consuming(pair(opt(one_of("+-")), magnitude)).parse(text);
    let (_, (sign, (radix, digits))) = parsed.map_err(|_| LiteralError::Malformed)?;
    if radix == 10
        && digits.len() > 1
        && digits.starts_with('0')
        && digits.bytes().any(|b| b != b'0' && b != b'_')
    {
        return Err(LiteralError::LeadingZero);
    }
    let mut value: i128 = 0;
    for digit in digits.chars().filter_map(|c| c.to_digit(radix)) {
        value = value
            .checked_mul(radix as i128)
            .and_then(|v| v.checked_add(digit as i128))
            .ok_or(LiteralError::TooLarge)?;
    }
    Ok(if sign == Some('-') { -value } else { value })
}

fn magnitude(input: &str) -> IResult<&str, (u32, &str)> {
    alt((
        prefixed("0x", 16, |c: char| c.is_ascii_hexdigit()),
        prefixed("0o", 8, |c: char| ('0'..='7').contains(&c)),
        prefixed("0b", 2, |c: char| c == '0' || c == '1'),
        digit_run(|c: char| c.is_ascii_digit()).map(|d| (10, d)),
    ))
    .parse(input)
}

fn prefixed<'a>(
    prefix: &'static str,
    radix: u32,
    is_digit: fn(char) -> bool,
) -> impl Parser<&'a str, Output = (u32, &'a str), Error = nom::error::Error<&'a str>> {
    preceded(
        pair(tag_no_case(prefix), opt(char('_'))),
        digit_run(is_digit),
    )
    .map(move |d| (radix, d))
}

/// Digits with single underscores between them.
fn digit_run<'a>(
    is_digit: fn(char) -> bool,
) -> impl Parser<&'a str, Output = &'a str, Error = nom::error::Error<&'a str>> {
    recognize(pair(
        take_while1(is_digit),
        many0(pair(char('_'), take_while1(is_digit))),
    ))
}

fn name_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_'
}

fn name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// A type, member or syscall name: `[A-Za-z_][A-Za-z0-9_]*`.
pub fn is_identifier(text: &str) -> bool {
    // A plain scan rather than a combinator: this runs on every name in the spec.
    text.chars().next().is_some_and(name_start) && text.chars().all(name_char)
}

/// A value name: like an identifier, but it may start with a digit (`errno.2big`) as long
/// as it is not all digits. Values are always printed with a prefix, so this is safe in C.
pub fn is_value_name(text: &str) -> bool {
    !text.is_empty() && text.chars().all(name_char) && text.chars().any(|c| !c.is_ascii_digit())
}

/// Finds `[path]` cross-references in one doc line: `path` is `[A-Za-z0-9_.]+` and the
/// closing bracket is not followed by `(` (that would be a Markdown link).
pub fn doc_refs(line: &str) -> Vec<(Range<usize>, &str)> {
    let mut found = Vec::new();
    let mut rest = line;
    while let Some(open) = memchr::memchr(b'[', rest.as_bytes()) {
        let candidate = &rest[open..];
        let parsed: IResult<&str, &str> = preceded(
            char('['),
            terminated(take_while1(|c: char| name_char(c) || c == '.'), char(']')),
        )
        .parse(candidate);
        let base = line.len() - rest.len() + open;
        match parsed {
            Ok((after, path)) if !after.starts_with('(') => {
                let end = base + path.len() + 2;
                found.push((base..end, path));
                rest = &line[end..];
            }
            _ => rest = &line[base + 1..],
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_with_ranges() {
        let w: Vec<Word> = words("0   null\tx").collect();
        assert_eq!(
            w.iter().map(|w| w.text).collect::<Vec<_>>(),
            ["0", "null", "x"]
        );
        assert_eq!(w[1].range, (4, 8));
        assert_eq!(words(" \t ").count(), 0);
    }

    #[test]
    fn literals_follow_python_int_base_0() {
        assert_eq!(int_literal("0"), Ok(0));
        assert_eq!(int_literal("00"), Ok(0));
        assert_eq!(int_literal("42"), Ok(42));
        assert_eq!(int_literal("-42"), Ok(-42));
        assert_eq!(int_literal("+7"), Ok(7));
        assert_eq!(int_literal("0xffffffffffffffff"), Ok(u64::MAX as i128));
        assert_eq!(int_literal("0XfF"), Ok(255));
        assert_eq!(int_literal("0o17"), Ok(15));
        assert_eq!(int_literal("0b101"), Ok(5));
        assert_eq!(int_literal("1_000"), Ok(1000));
        assert_eq!(int_literal("0x_ff"), Ok(255));
        assert_eq!(int_literal("010"), Err(LiteralError::LeadingZero));
        assert_eq!(int_literal("1__0"), Err(LiteralError::Malformed));
        assert_eq!(int_literal("1_"), Err(LiteralError::Malformed));
        assert_eq!(int_literal("0x"), Err(LiteralError::Malformed));
        assert_eq!(int_literal("0o8"), Err(LiteralError::Malformed));
        assert_eq!(int_literal("abc"), Err(LiteralError::Malformed));
        assert_eq!(int_literal(&"9".repeat(60)), Err(LiteralError::TooLarge));
    }

    #[test]
    fn names() {
        assert!(is_identifier("fd_read"));
        assert!(is_identifier("_x1"));
        assert!(!is_identifier("2big"));
        assert!(!is_identifier("a-b"));
        assert!(!is_identifier(""));
        assert!(is_value_name("2big"));
        assert!(!is_value_name("123"));
        assert!(!is_value_name("a.b"));
    }

    #[test]
    fn finds_refs_but_not_links() {
        let line = "see [fd_read] and [a.b_c], not [text](url) or [two words]";
        let refs = doc_refs(line);
        assert_eq!(
            refs.iter().map(|r| r.1).collect::<Vec<_>>(),
            ["fd_read", "a.b_c"]
        );
        assert_eq!(&line[refs[0].0.clone()], "[fd_read]");
        assert!(doc_refs("[[x]").len() == 1);
        assert!(doc_refs("[]").is_empty());
    }
}
