//! The Yew components: they render engine state and turn DOM events into
//! `Action`s. No decision is made here; the engine makes them all.

pub(crate) mod app;
mod emergency_line;
mod outcome_view;
mod question_card;
mod start_screen;
mod summary;

pub use app::{App, AppProps};
