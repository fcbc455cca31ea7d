//! Field-level validation errors, in Dutch, shared by the form pages and the API.

use std::borrow::Cow;

/// One rejected field: `field` is the form/API name, `message` the Dutch sentence
/// shown next to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    pub field: &'static str,
    pub message: Cow<'static, str>,
}

impl Invalid {
    pub fn new(field: &'static str, message: impl Into<Cow<'static, str>>) -> Self {
        Self {
            field,
            message: message.into(),
        }
    }
}

/// Collects every problem of a form at once, so a user sees all of them in one go.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Invalids(pub Vec<Invalid>);

impl Invalids {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, invalid: Invalid) {
        self.0.push(invalid);
    }

    /// Keeps the parsed value, or records why it failed and returns `None`.
    pub fn check<T>(&mut self, result: Result<T, Invalid>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(invalid) => {
                self.0.push(invalid);
                None
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `Ok(value)` when nothing was recorded; the collected problems otherwise.
    pub fn finish<T>(self, value: impl FnOnce() -> Option<T>) -> Result<T, Invalids> {
        if self.0.is_empty() {
            value().ok_or(self)
        } else {
            Err(self)
        }
    }
}

/// Both results, or every problem of both: one field checked on its own and a group of
/// fields checked together (a year and that year's figures).
pub fn beide<A, B>(a: Result<A, Invalid>, b: Result<B, Invalids>) -> Result<(A, B), Invalids> {
    match (a, b) {
        (Ok(a), Ok(b)) => Ok((a, b)),
        (a, b) => {
            let mut fouten = Invalids::new();
            if let Err(e) = a {
                fouten.push(e);
            }
            if let Err(f) = b {
                fouten.0.extend(f.0);
            }
            Err(fouten)
        }
    }
}

impl From<Invalid> for Invalids {
    fn from(invalid: Invalid) -> Self {
        Self(vec![invalid])
    }
}
