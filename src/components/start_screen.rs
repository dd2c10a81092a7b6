//! The start screen: what this is for, that it is not a diagnosis, Start.

use symptom_checker_core::model::Locale;
use yew::prelude::*;

use crate::content::ContentRef;
use crate::i18n::Ui;

/// Props of [`StartScreen`].
#[derive(Properties, PartialEq)]
pub struct StartScreenProps {
    /// The content whose title and introduction are shown.
    pub content: ContentRef,
    /// Interface text of the current language.
    pub ui: &'static Ui,
    /// The content language.
    pub locale: Locale,
    /// Where focus goes when the patient comes back here.
    pub heading: NodeRef,
    /// Pressed Start.
    pub on_start: Callback<()>,
    /// The page offers "Send my answers to the clinic" (`share="event"`):
    /// the privacy note says the answers leave only if the patient sends them.
    #[prop_or_default]
    pub share: bool,
}

/// The first screen.
#[component]
pub fn StartScreen(props: &StartScreenProps) -> Html {
    let (ui, locale, content) = (props.ui, props.locale, &props.content);
    let on_start = props.on_start.reform(|_: MouseEvent| ());
    html! {
        <div class="sc-card sc-start">
            <h2 class="sc-title" tabindex="-1" ref={props.heading.clone()}>{ content.title.get(locale) }</h2>
            <p class="sc-intro">{ content.intro.get(locale) }</p>
            { for content.scope.as_ref().map(|scope| html! {
                <p class="sc-scope" data-role="scope">{ scope.get(locale) }</p>
            }) }
            <p class="sc-note">{ if props.share { ui.start_note_share } else { ui.start_note } }</p>
            <button type="button" class="sc-button sc-primary" data-action="start" onclick={on_start}>
                { ui.start }
            </button>
        </div>
    }
}
