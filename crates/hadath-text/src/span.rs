use std::fmt;

use serde::{Serialize, Serializer};

/// A byte range `[start, end)` into a document's original text.
///
/// Serialized as the two-element array `[start, end]` used by the event record.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    // Invariant: start <= end.
    start: u32,
    end: u32,
}

impl Span {
    /// A span from `start` to `end`; the two are swapped if given in the wrong order.
    pub fn new(start: usize, end: usize) -> Span {
        let (start, end) = if start <= end {
            (start, end)
        } else {
            (end, start)
        };
        Span {
            start: clamp_u32(start),
            end: clamp_u32(end),
        }
    }

    /// First byte.
    pub fn start(self) -> usize {
        self.start as usize
    }

    /// One past the last byte.
    pub fn end(self) -> usize {
        self.end as usize
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// True when the span covers no byte.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// True when `other` lies inside `self`.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text this span covers in `text`, or `""` when the span does not fit on char boundaries.
    pub fn slice(self, text: &str) -> &str {
        text.get(self.start()..self.end()).unwrap_or("")
    }
}

fn clamp_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_orders_its_ends_and_prints_as_a_range() {
        let span = Span::new(40, 12);
        assert_eq!(format!("{span:?}"), "12..40");
        assert_eq!(span.len(), 28);
        assert_eq!(serde_json_like(span), "[12,40]");
    }

    fn serde_json_like(span: Span) -> String {
        format!("[{},{}]", span.start(), span.end())
    }

    #[test]
    fn slice_off_char_boundary_is_empty() {
        let text = "ألماتي";
        assert_eq!(Span::new(0, 1).slice(text), "");
        assert_eq!(Span::new(0, 2).slice(text), "أ");
    }
}
