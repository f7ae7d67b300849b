//! Unit tests of the YAML configuration: tags, descriptors, and the errors bad input gets.

use super::*;
use argdata::{Fd, Integer};

const HEAD: &str = "%TAG ! tag:nuxi.nl,2015:cloudabi/\n---\n";

fn tree(body: &str) -> Value {
    parse(&format!("{HEAD}{body}")).unwrap().tree
}

fn err(body: &str) -> ConfigError {
    parse(&format!("{HEAD}{body}")).unwrap_err()
}

fn int(v: i128) -> Value {
    Value::Int(Integer::new(v).unwrap())
}

#[test]
fn plain_scalars_follow_the_core_schema() {
    let t = tree("[~, null, true, FALSE, 42, -7, +5, 0o17, 0x1F, 18446744073709551615, 1.5, -.inf, 1e3, hello, yes, '42', \"true\"]");
    let Value::Seq(items) = t else { panic!() };
    let want = [
        Value::Null,
        Value::Null,
        Value::Bool(true),
        Value::Bool(false),
        int(42),
        int(-7),
        int(5),
        int(15),
        int(31),
        int(u64::MAX.into()),
        Value::Float(1.5),
        Value::Float(f64::NEG_INFINITY),
        Value::Float(1000.0),
        Value::Str("hello".into()),
        Value::Str("yes".into()),
        Value::Str("42".into()),
        Value::Str("true".into()),
    ];
    assert_eq!(items, want);
}

#[test]
fn explicit_core_tags() {
    let t = tree(
        "[!!str 42, !!binary aGVs bG8=, !!timestamp 1970-01-02, !!float 3, !!int '9', !!null '']",
    );
    let Value::Seq(items) = t else { panic!() };
    assert_eq!(items[0], Value::Str("42".into()));
    assert_eq!(items[1], Value::Binary(b"hello".to_vec()));
    assert_eq!(
        items[2],
        Value::Timestamp(argdata::Timestamp::new(86_400, 0).unwrap())
    );
    assert_eq!(items[3], Value::Float(3.0));
    assert_eq!(items[4], int(9));
    assert_eq!(items[5], Value::Null);
}

#[test]
fn cloudabi_tags_become_resources() {
    let c = parse(&format!(
        "{HEAD}out: !fd stdout\nin: !fd stdin\nn: !fd 7\ndir: !file {{path: /tmp}}\n\
         srv: !socket {{type: dgram, bind: 127.0.0.1:5000}}\nme: !executable\n\
         u: !socket {{connect: /run/x.sock}}\nweb: !socket {{bind: '[::1]:8080', accept: pass}}\n"
    ))
    .unwrap();
    let kinds: Vec<_> = c.resources.iter().map(|r| r.kind.clone()).collect();
    assert_eq!(
        kinds,
        [
            ResourceKind::HostFd(1),
            ResourceKind::HostFd(0),
            ResourceKind::HostFd(7),
            ResourceKind::File {
                path: "/tmp".into()
            },
            ResourceKind::Socket {
                ty: SocketType::Dgram,
                action: SocketAction::Bind,
                address: "127.0.0.1:5000".into()
            },
            ResourceKind::Executable,
            ResourceKind::Socket {
                ty: SocketType::Stream,
                action: SocketAction::Connect,
                address: "/run/x.sock".into()
            },
            ResourceKind::Socket {
                ty: SocketType::Stream,
                action: SocketAction::AcceptAndPass,
                address: "[::1]:8080".into()
            },
        ]
    );
    assert_eq!(c.resources[3].at, Location { line: 6, column: 6 });
    let Value::Map(entries) = c.tree else {
        panic!()
    };
    assert_eq!(entries[2], (Value::Str("n".into()), Value::Fd(Fd::new(2))));
}

#[test]
fn one_host_fd_named_twice_is_one_guest_fd_numbered_where_it_first_appears() {
    // As upstream's serializer numbers process fds: seq [fd 5, fd 7, fd 5]
    // becomes 0, 1, 0.
    let c = parse(&format!(
        "{HEAD}[!fd stdout, !file {{path: /a}}, !fd 1, !executable, !file {{path: /a}}, !executable, !fd stderr]\n"
    ))
    .unwrap();
    assert_eq!(c.resources.len(), 5, "{:?}", c.resources);
    let Value::Seq(items) = c.tree else { panic!() };
    let fds: Vec<i32> = items
        .iter()
        .map(|v| match v {
            Value::Fd(f) => f.get().unwrap_or(-1),
            _ => -1,
        })
        .collect();
    assert_eq!(fds, [0, 1, 0, 2, 3, 2, 4]);
    let encoded = Value::Seq(items).encode();
    assert_eq!(encoded.fds.len(), 5);
}

#[test]
fn errors_point_at_the_yaml() {
    let e = err("a: 1\nb: !fd banana\n");
    assert_eq!(e.at, Location { line: 4, column: 4 });
    assert!(e.message.contains("banana"), "{e}");

    let e = err("x: !file {path: /a, mode: rw}\n");
    assert!(e.message.contains("unsupported attribute mode"), "{e}");
    assert_eq!(e.at.line, 3);

    assert!(err("!socket {bind: /a, connect: /b}")
        .message
        .contains("not both"));
    assert!(err("!socket {type: raw, bind: /a}")
        .message
        .contains("stream or dgram"));
    let e = err("!socket {bind: /a, accept: yes}");
    assert!(e.message.contains("accept must be pass"), "{e}");
    assert_eq!(
        e.at,
        Location {
            line: 3,
            column: 20
        }
    );
    assert!(err("!socket {connect: /a, accept: pass}")
        .message
        .contains("needs bind"));
    assert!(err("!socket {type: dgram, bind: /a, accept: pass}")
        .message
        .contains("needs type stream"));
    assert!(err("!socket {accept: pass}")
        .message
        .contains("needs a bind"));
    assert!(err("!file {}").message.contains("path"));
    assert!(err("!fd {a: 1}").message.contains("scalar"));
    assert!(err("!bogus 1").message.contains("unsupported tag !bogus"));
    assert!(err("[&a 1, *a]").message.contains("alias"));
    assert!(err("99999999999999999999999")
        .message
        .contains("outside the range"));
    assert!(err("!!binary '%%%'").message.contains("base64"));
    assert!(err("!!timestamp yesterday").message.contains("timestamp"));
    assert!(err("[1, 2").at.line >= 3);
}

#[test]
fn missing_tag_directive_is_explained() {
    let e = parse("---\n!fd stdout\n").unwrap_err();
    assert!(e.message.contains("%TAG"), "{e}");
    assert_eq!(e.at, Location { line: 2, column: 1 });
}

#[test]
fn messages_are_one_line() {
    for body in ["[", "a: b: c", "!fd x", "{? [1, 2]: 3", "\t- x"] {
        if let Err(e) = parse(&format!("{HEAD}{body}")) {
            assert!(!e.to_string().contains('\n'), "{e}");
        }
    }
}

#[test]
fn only_the_first_document_counts() {
    let c = parse(&format!("{HEAD}1\n---\n!bogus 2\n")).unwrap();
    assert_eq!(c.tree, int(1));
    assert!(parse("").is_err());
}

#[test]
fn deep_nesting_is_refused_not_overflowed() {
    let text = format!("{HEAD}{}{}", "[".repeat(5000), "]".repeat(5000));
    let e = parse(&text).unwrap_err();
    assert!(
        e.message.contains("nest") || e.message.contains("recursion"),
        "{e}"
    );
    assert_eq!(
        tree("k:\n"),
        Value::Map(vec![(Value::Str("k".into()), Value::Null)])
    );
}
