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
    /// The emergency number (default 911).
    pub number: Phone,
}

/// "Not a diagnosis. In an emergency, call 911 now."
#[component]
pub fn EmergencyLine(props: &EmergencyLineProps) -> Html {
    let ui = props.ui;
    html! {
        <p class="sc-emergency" data-role="emergency-line">
            <strong>{ ui.not_a_diagnosis }</strong>
            { " " }{ ui.emergency_before }
            <a href={props.number.href.clone()}>{ props.number.display.clone() }</a>
            { ui.emergency_after }
        </p>
    }
}
