//! The line that is on screen from the first screen to the last: "Not a
//! diagnosis" and the emergency number as a `tel:` link.

use yew::prelude::*;

use crate::i18n::Ui;
use crate::settings::Phone;

/// Props of [`EmergencyLine`].
#[derive(Properties, PartialEq)]
pub struct EmergencyLineProps {
    /// Interface text of the current language.
    pub ui: &'static Ui,
    /// The emergency number (default 911); `None` when the page set one the
    /// rules refuse.
    pub number: Option<Phone>,
}

/// "Not a diagnosis. In an emergency: Call 911", the call a target of its
/// own; or, with no number to trust, "call your local emergency number
/// now", with no link.
#[component]
pub fn EmergencyLine(props: &EmergencyLineProps) -> Html {
    let ui = props.ui;
    let call = match &props.number {
        Some(number) => html! {
            <>
                { ui.in_emergency }
                <a class="sc-emergency-call" href={number.href.clone()}>{ ui.call_now }{ number.display.clone() }</a>
            </>
        },
        None => html! {
            <>{ ui.emergency_before }{ ui.local_emergency }{ ui.emergency_after }</>
        },
    };
    html! {
        <p class="sc-emergency" data-role="emergency-line">
            <strong>{ ui.not_a_diagnosis }</strong>
            { " " }{ call }
        </p>
    }
}
