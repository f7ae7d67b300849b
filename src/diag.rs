//! Diagnostics as values: parse and validation collect them, the CLI renders them.

use crate::source::{SourceMap, Span};
use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label as CsLabel, Severity};
use codespan_reporting::files::{Error as FilesError, Files};
use codespan_reporting::term::{self, termcolor};
use std::ops::Range;

/// One problem found in a spec, with where it is and what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Level,
    pub message: String,
    pub primary: Span,
    pub label: String,
    pub secondary: Vec<(Span, String)>,
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Error,
    Warning,
}

impl Diagnostic {
    pub fn error(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Level::Error,
            message: message.into(),
            primary: span,
            label: String::new(),
            secondary: Vec::new(),
            notes: Vec::new(),
        }
    }

    pub fn with_label(mut self, label: impl Into<String>) -> Diagnostic {
        self.label = label.into();
        self
    }

    pub fn with_secondary(mut self, span: Span, label: impl Into<String>) -> Diagnostic {
        self.secondary.push((span, label.into()));
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Diagnostic {
        self.notes.push(note.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Level::Error
    }

    fn to_codespan(&self) -> CsDiagnostic<usize> {
        let severity = match self.severity {
            Level::Error => Severity::Error,
            Level::Warning => Severity::Warning,
        };
        let mut labels = vec![
            CsLabel::primary(self.primary.file.0 as usize, self.primary.range())
                .with_message(&self.label),
        ];
        labels.extend(self.secondary.iter().map(|(span, msg)| {
            CsLabel::secondary(span.file.0 as usize, span.range()).with_message(msg)
        }));
        CsDiagnostic::new(severity)
            .with_message(&self.message)
            .with_labels(labels)
            .with_notes(self.notes.clone())
    }
}

/// Sorts diagnostics by position so output reads top to bottom.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by_key(|d| (d.primary.file, d.primary.start, d.primary.end));
}

/// Renders diagnostics as plain text (file:line:col, the source line, a caret).
pub fn render(sources: &SourceMap, diags: &[Diagnostic]) -> String {
    let mut out = termcolor::NoColor::new(Vec::new());
    render_to(sources, diags, &mut out);
    String::from_utf8(out.into_inner()).expect("codespan writes UTF-8")
}

/// Renders diagnostics to a terminal writer (coloured when the writer supports it).
pub fn render_to(sources: &SourceMap, diags: &[Diagnostic], out: &mut dyn termcolor::WriteColor) {
    let config = term::Config::default();
    let files = FilesAdapter(sources);
    for d in diags {
        // Writing to an in-memory or terminal sink only fails when stdout/stderr is closed,
        // and then there is nobody left to tell.
        let _ = term::emit_to_write_style(out, &config, &files, &d.to_codespan());
    }
    let errors = diags.iter().filter(|d| d.is_error()).count();
    if errors > 0 {
        let _ = writeln!(
            out,
            "error: {errors} error{} found",
            if errors == 1 { "" } else { "s" }
        );
    }
}

/// Renders diagnostics for editors and tools: one JSON object per line and diagnostic, with
/// the file, the one-based line and column where the problem starts and ends (columns in
/// characters), the byte span, the message, the label under the span, further labelled
/// spans and the notes.
pub fn render_json(sources: &SourceMap, diags: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diags {
        let json = JsonDiagnostic {
            severity: match d.severity {
                Level::Error => "error",
                Level::Warning => "warning",
            },
            message: &d.message,
            location: JsonLocation::new(sources, d.primary),
            label: &d.label,
            secondary: d
                .secondary
                .iter()
                .map(|(span, label)| JsonLabel {
                    location: JsonLocation::new(sources, *span),
                    label,
                })
                .collect(),
            notes: &d.notes,
        };
        // Serializing plain strings and numbers cannot fail.
        out.push_str(&serde_json::to_string(&json).unwrap_or_default());
        out.push('\n');
    }
    out
}

#[derive(serde::Serialize)]
struct JsonDiagnostic<'a> {
    severity: &'static str,
    message: &'a str,
    #[serde(flatten)]
    location: JsonLocation<'a>,
    label: &'a str,
    secondary: Vec<JsonLabel<'a>>,
    notes: &'a [String],
}

#[derive(serde::Serialize)]
struct JsonLabel<'a> {
    #[serde(flatten)]
    location: JsonLocation<'a>,
    label: &'a str,
}

#[derive(serde::Serialize)]
struct JsonLocation<'a> {
    file: &'a str,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
    /// Byte offsets into the file: `[start, end)`.
    span: [u32; 2],
}

impl<'a> JsonLocation<'a> {
    fn new(sources: &'a SourceMap, span: Span) -> JsonLocation<'a> {
        let file = sources.get(span.file);
        let start = file.line_col(span.start as usize);
        let end = file.line_col(span.end as usize);
        JsonLocation {
            file: &file.name,
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            span: [span.start, span.end],
        }
    }
}

struct FilesAdapter<'a>(&'a SourceMap);

impl<'a> Files<'a> for FilesAdapter<'a> {
    type FileId = usize;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<&'a str, FilesError> {
        self.file(id).map(|f| f.name.as_str())
    }

    fn source(&'a self, id: usize) -> Result<&'a str, FilesError> {
        self.file(id).map(|f| f.text.as_str())
    }

    fn line_index(&'a self, id: usize, byte_index: usize) -> Result<usize, FilesError> {
        let starts = self.file(id)?.line_starts();
        Ok(starts.partition_point(|&s| s <= byte_index) - 1)
    }

    fn line_range(&'a self, id: usize, line_index: usize) -> Result<Range<usize>, FilesError> {
        let file = self.file(id)?;
        let starts = file.line_starts();
        let start = *starts.get(line_index).ok_or(FilesError::LineTooLarge {
            given: line_index,
            max: starts.len() - 1,
        })?;
        let end = starts
            .get(line_index + 1)
            .copied()
            .unwrap_or(file.text.len());
        Ok(start..end)
    }
}

impl<'a> FilesAdapter<'a> {
    fn file(&self, id: usize) -> Result<&'a crate::source::SourceFile, FilesError> {
        self.0.files().get(id).ok_or(FilesError::FileMissing)
    }
}
