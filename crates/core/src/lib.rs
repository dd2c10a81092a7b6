//! The pure core of the symptom checker: the content model, the decision
//! engine and path analysis, plus (with the `parse` feature) parsing,
//! validation with diagnostics, and code generation for the build.
//!
//! Nothing here touches the web, the clock, storage or logging: it is plain
//! Rust, tested on the host. The widget depends on it without `parse`, so
//! no parser is compiled into the wasm.

pub mod attributes;
pub mod engine;
#[cfg(feature = "fhir")]
pub mod fhir;
pub mod model;
pub mod paths;

#[cfg(feature = "parse")]
pub mod codegen;
#[cfg(feature = "parse")]
pub mod diagnostic;
#[cfg(feature = "parse")]
pub mod raw;
#[cfg(feature = "parse")]
pub mod signoff;
#[cfg(feature = "parse")]
pub mod validate;
