//! The studio's components: the editor and its problems, the preview, the
//! review and the approval. They render the pure view-models of `check`
//! and `report`; effects on the browser go through `web`.

mod approve;
mod editor;
mod form;
mod preview;
mod review;
mod studio;

pub use studio::Studio;
