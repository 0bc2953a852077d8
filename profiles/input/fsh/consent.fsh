// Consent to information sharing between the principals.

Profile: VbInformationSharingConsent
Parent: Consent
Id: vb-information-sharing-consent
Title: "Vårdbrygga information sharing consent"
Description: "The patient's consent to information transfer to named receiving units for treatment during a period; nothing is sent without one that covers it (R-CON-1, R-CON-2)."
* status MS
* scope MS
* scope = $consentscope#patient-privacy
* category 1..* MS
* patient 1..1 MS
* patient only Reference(Patient)
* dateTime MS
* performer MS
* policy MS
* provision 1..1 MS
* provision.type 1..1 MS
* provision.period 1..1 MS
* provision.actor 1..* MS
* provision.actor.role MS
* provision.actor.reference MS
* provision.actor ^short = "Receiving unit (role e.g. v3-ParticipationType#IRCP)"
* provision.purpose 1..* MS
* provision.purpose ^short = "Purpose of use, e.g. v3-ActReason#TREAT"
