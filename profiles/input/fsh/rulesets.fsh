// Rule sets shared by the profiles and the examples.

// Slices Xxx.identifier by system (value discriminator); the slices themselves are added by each profile.
RuleSet: IdentifierSlicedBySystem
* identifier ^slicing.discriminator.type = #value
* identifier ^slicing.discriminator.path = "system"
* identifier ^slicing.rules = #open
* identifier ^slicing.description = "Sliced by identifier system."

// Slices a repeating CodeableConcept element by pattern (used for category slices).
RuleSet: SliceByPattern(element)
* {element} ^slicing.discriminator.type = #pattern
* {element} ^slicing.discriminator.path = "$this"
* {element} ^slicing.rules = #open

// What every project Task profile has in common: coded, addressed to an owner, about a patient.
RuleSet: VbTaskCommon
* status MS
* statusReason MS
* businessStatus MS
* businessStatus from DeliveryStatusVS (extensible)
* businessStatus ^short = "Delivery status (delivery-status) or escalation level (R-ESC-1)"
* intent MS
* code 1..1 MS
* for 1..1 MS
* for only Reference(Patient)
* owner 1..1 MS
* authoredOn MS

// Narrative for examples (avoids dom-6 "should have narrative" warnings).
RuleSet: Narrative(text)
* text.status = #generated
* text.div = "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>{text}</p></div>"
