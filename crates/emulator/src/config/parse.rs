//! Walks saphyr's event stream and builds the tree, node by node.

use std::borrow::Cow;

use argdata::{Fd, Value};
use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, Span, StrInput, Tag};

use super::scalar;
use super::{
    Config, ConfigError, Location, Resource, ResourceKind, SocketAction, SocketType, TAG_PREFIX,
};

const CORE_PREFIX: &str = "tag:yaml.org,2002:";
/// Deeper nesting than any configuration needs; stops stack exhaustion on
/// hostile input.
const MAX_DEPTH: usize = 256;

pub(super) fn document(text: &str) -> Result<Config, ConfigError> {
    let mut b = Builder {
        parser: Parser::new_from_str(text),
        resources: Vec::new(),
    };
    let (first, span) = b.next()?;
    if !matches!(first, Event::StreamStart) {
        return Err(error(span, "expected the start of the YAML stream"));
    }
    let (ev, span) = b.next()?;
    let tree = match ev {
        Event::StreamEnd => return Err(error(span, "the input holds no YAML document")),
        Event::DocumentStart(_) => {
            let (ev, span) = b.next()?;
            b.node(ev, span, 0)?
        }
        _ => return Err(error(span, "expected a YAML document")),
    };
    Ok(Config {
        tree,
        resources: b.resources,
    })
}

fn location(span: Span) -> Location {
    Location {
        line: span.start.line(),
        column: span.start.col() + 1,
    }
}

fn error(span: Span, message: impl Into<String>) -> ConfigError {
    ConfigError {
        at: location(span),
        message: message.into(),
    }
}

fn scan_error(e: ScanError) -> ConfigError {
    let m = e.marker();
    ConfigError {
        at: Location {
            line: m.line(),
            column: m.col() + 1,
        },
        message: e.info().to_string(),
    }
}

/// The tag as written by the user, for messages.
fn shown(tag: &Tag) -> String {
    if tag.handle == TAG_PREFIX {
        format!("!{}", tag.suffix)
    } else if tag.handle == CORE_PREFIX {
        format!("!!{}", tag.suffix)
    } else {
        format!("{}{}", tag.handle, tag.suffix)
    }
}

fn unknown_tag(span: Span, tag: &Tag) -> ConfigError {
    let hint = if tag.handle == "!" {
        " (CloudABI tags need the line `%TAG ! tag:nuxi.nl,2015:cloudabi/` before `---`)"
    } else {
        ""
    };
    error(span, format!("unsupported tag {}{hint}", shown(tag)))
}

struct Builder<'a> {
    parser: Parser<'a, StrInput<'a>>,
    resources: Vec<Resource>,
}

impl<'a> Builder<'a> {
    fn next(&mut self) -> Result<(Event<'a>, Span), ConfigError> {
        match self.parser.next_event() {
            Some(Ok(ev)) => Ok(ev),
            Some(Err(e)) => Err(scan_error(e)),
            None => Err(ConfigError {
                at: Location { line: 0, column: 0 },
                message: "unexpected end of input".into(),
            }),
        }
    }

    fn node(&mut self, ev: Event<'a>, span: Span, depth: usize) -> Result<Value, ConfigError> {
        if depth > MAX_DEPTH {
            return Err(error(
                span,
                format!("nesting deeper than {MAX_DEPTH} levels"),
            ));
        }
        match ev {
            Event::Scalar(text, style, _, tag) => self.scalar(&text, style, tag, span),
            Event::SequenceStart(_, tag) => self.sequence(tag, span, depth),
            Event::MappingStart(_, tag) => self.mapping(tag, span, depth),
            Event::Alias(_) => Err(error(span, "aliases (*name) are not supported")),
            _ => Err(error(span, "expected a value")),
        }
    }

    fn scalar(
        &mut self,
        text: &str,
        style: ScalarStyle,
        tag: Option<Cow<'_, Tag>>,
        span: Span,
    ) -> Result<Value, ConfigError> {
        let Some(tag) = tag else {
            let plain = style == ScalarStyle::Plain;
            return scalar::untagged(text, plain).map_err(|why| error(span, why));
        };
        if tag.handle == CORE_PREFIX {
            return scalar::tagged(&tag.suffix, text).map_err(|why| error(span, why));
        }
        if tag.handle != TAG_PREFIX {
            return Err(unknown_tag(span, &tag));
        }
        let kind = match tag.suffix.as_str() {
            "fd" => ResourceKind::HostFd(host_fd(text).ok_or_else(|| {
                error(
                    span,
                    format!("!fd wants stdin, stdout, stderr or a number, not {text:?}"),
                )
            })?),
            "executable" => ResourceKind::Executable,
            "file" | "socket" => {
                return Err(error(
                    span,
                    format!("{} needs a mapping of attributes", shown(&tag)),
                ))
            }
            _ => return Err(unknown_tag(span, &tag)),
        };
        Ok(self.resource(kind, span))
    }

    fn resource(&mut self, kind: ResourceKind, span: Span) -> Value {
        // One host descriptor named twice is one guest descriptor, numbered
        // where it first appears: upstream cloudabi-run's Argdata serializer
        // puts the same process fd into its table once. (Every `!file` and
        // `!socket` opens a descriptor of its own.)
        let same_fd = matches!(kind, ResourceKind::HostFd(_) | ResourceKind::Executable);
        if let Some(i) = self
            .resources
            .iter()
            .position(|r| same_fd && r.kind == kind)
        {
            return Value::Fd(Fd::new(i as i32));
        }
        self.resources.push(Resource {
            kind,
            at: location(span),
        });
        Value::Fd(Fd::new((self.resources.len() - 1) as i32))
    }

    fn sequence(
        &mut self,
        tag: Option<Cow<'_, Tag>>,
        span: Span,
        depth: usize,
    ) -> Result<Value, ConfigError> {
        if let Some(tag) = tag {
            if !(tag.handle == CORE_PREFIX && tag.suffix == "seq") {
                return Err(error(
                    span,
                    format!("tag {} cannot be put on a sequence", shown(&tag)),
                ));
            }
        }
        let mut items = Vec::new();
        loop {
            let (ev, span) = self.next()?;
            if matches!(ev, Event::SequenceEnd) {
                return Ok(Value::Seq(items));
            }
            items.push(self.node(ev, span, depth + 1)?);
        }
    }

    fn entries(&mut self, depth: usize) -> Result<Vec<(Value, Value, Span)>, ConfigError> {
        let mut entries = Vec::new();
        loop {
            let (ev, span) = self.next()?;
            if matches!(ev, Event::MappingEnd) {
                return Ok(entries);
            }
            let key = self.node(ev, span, depth + 1)?;
            let (ev, vspan) = self.next()?;
            let value = self.node(ev, vspan, depth + 1)?;
            entries.push((key, value, span));
        }
    }

    fn mapping(
        &mut self,
        tag: Option<Cow<'_, Tag>>,
        span: Span,
        depth: usize,
    ) -> Result<Value, ConfigError> {
        let entries = self.entries(depth)?;
        let Some(tag) = tag else {
            return Ok(Value::Map(
                entries.into_iter().map(|(k, v, _)| (k, v)).collect(),
            ));
        };
        if tag.handle == CORE_PREFIX && tag.suffix == "map" {
            return Ok(Value::Map(
                entries.into_iter().map(|(k, v, _)| (k, v)).collect(),
            ));
        }
        if tag.handle != TAG_PREFIX {
            return Err(unknown_tag(span, &tag));
        }
        let attrs = Attributes {
            tag: shown(&tag),
            entries,
        };
        let kind = match tag.suffix.as_str() {
            "file" => file(attrs, span)?,
            "socket" => socket(attrs, span)?,
            "fd" | "executable" => {
                return Err(error(
                    span,
                    format!("{} takes a scalar, not a mapping", shown(&tag)),
                ))
            }
            _ => return Err(unknown_tag(span, &tag)),
        };
        Ok(self.resource(kind, span))
    }
}

fn host_fd(text: &str) -> Option<i32> {
    match text {
        "stdin" => Some(0),
        "stdout" => Some(1),
        "stderr" => Some(2),
        _ if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) => text.parse().ok(),
        _ => None,
    }
}

/// The attribute mapping of `!file` or `!socket`: string keys with string
/// values, each allowed once.
struct Attributes {
    tag: String,
    entries: Vec<(Value, Value, Span)>,
}

impl Attributes {
    /// Takes attribute `name` out, if present.
    fn take(&mut self, name: &str) -> Result<Option<(String, Span)>, ConfigError> {
        let Some(i) = self
            .entries
            .iter()
            .position(|(k, _, _)| k.as_str() == Some(name))
        else {
            return Ok(None);
        };
        let (_, value, span) = self.entries.remove(i);
        if self
            .entries
            .iter()
            .any(|(k, _, _)| k.as_str() == Some(name))
        {
            return Err(error(
                span,
                format!("{}: attribute {name} is given twice", self.tag),
            ));
        }
        match value {
            Value::Str(s) => Ok(Some((s, span))),
            _ => Err(error(
                span,
                format!("{}: attribute {name} must be a string", self.tag),
            )),
        }
    }

    /// Fails on any attribute not taken.
    fn finish(self) -> Result<(), ConfigError> {
        match self.entries.first() {
            None => Ok(()),
            Some((k, _, span)) => {
                let name = k.as_str().map_or_else(|| format!("{k:?}"), str::to_string);
                Err(error(
                    *span,
                    format!("{}: unsupported attribute {name}", self.tag),
                ))
            }
        }
    }
}

fn file(mut attrs: Attributes, span: Span) -> Result<ResourceKind, ConfigError> {
    let (path, _) = attrs
        .take("path")?
        .ok_or_else(|| error(span, "!file needs a path attribute"))?;
    attrs.finish()?;
    if path.is_empty() {
        return Err(error(span, "!file: the path is empty"));
    }
    Ok(ResourceKind::File { path })
}

fn socket(mut attrs: Attributes, span: Span) -> Result<ResourceKind, ConfigError> {
    let ty = match attrs.take("type")? {
        None => SocketType::Stream,
        Some((t, _)) if t == "stream" => SocketType::Stream,
        Some((t, _)) if t == "dgram" => SocketType::Dgram,
        Some((t, at)) => {
            return Err(error(
                at,
                format!("!socket: type must be stream or dgram, not {t:?}"),
            ))
        }
    };
    let bind = attrs.take("bind")?;
    let connect = attrs.take("connect")?;
    let accept = attrs.take("accept")?;
    attrs.finish()?;
    let (action, address) = match (bind, connect) {
        (Some((a, _)), None) => (SocketAction::Bind, a),
        (None, Some((a, _))) => (SocketAction::Connect, a),
        (Some(_), Some((_, at))) => {
            return Err(error(at, "!socket: give either bind or connect, not both"))
        }
        (None, None) => return Err(error(span, "!socket needs a bind or a connect attribute")),
    };
    let action =
        match accept {
            None => action,
            Some((how, at)) if how != "pass" => {
                return Err(error(
                    at,
                    format!(
                        "!socket: accept must be pass (the launcher accepts each connection and \
                     passes it to the program), not {how:?}"
                    ),
                ))
            }
            Some((_, at)) if action == SocketAction::Connect => {
                return Err(error(
                    at,
                    "!socket: accept: pass needs bind (an address to listen at), not connect",
                ))
            }
            Some((_, at)) if ty != SocketType::Stream => return Err(error(
                at,
                "!socket: accept: pass needs type stream (datagram sockets have no connections)",
            )),
            Some(_) => SocketAction::AcceptAndPass,
        };
    if address.is_empty() {
        return Err(error(span, "!socket: the address is empty"));
    }
    Ok(ResourceKind::Socket {
        ty,
        action,
        address,
    })
}
