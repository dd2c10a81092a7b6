//! The reviewers' tools for symptom-checker content: validate a file, draw
//! its decision graph, list every path, grade its reading level, compare two
//! versions, and write the review page.
//!
//! Every module but `cli` is pure (content in, text out), so the content
//! studio runs the same code in the browser; `cli` alone reads files (the
//! `cli` feature, on by default). Validation is always
//! `symptom_checker_core::validate::load`, the function the widget's build
//! uses, so the tool and the build agree on every diagnostic.

#![warn(missing_docs)]

pub mod approval;
#[cfg(feature = "cli")]
pub mod cli;
pub mod combined;
pub mod diff;
pub mod export;
pub mod fields;
pub mod graph;
pub mod grouped;
pub mod json;
pub mod markdown;
pub mod readability;
pub mod review;
pub mod stats;
pub mod table;
