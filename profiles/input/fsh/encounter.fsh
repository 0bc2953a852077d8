// Admission and discharge.

Profile: VbEncounter
Parent: Encounter
Id: vb-encounter
Title: "Vårdbrygga Encounter"
Description: "An admission, emergency visit or outpatient visit; an inpatient admission ends delegations and starts the four-week clock, discharge ends service purchases; the patient's personal assistance is in the extension vb-personal-assistance (R-DEL-1, R-PA-1, R-PA-2, R-TK-3)."
* extension contains VbPersonalAssistance named personalAssistance 0..1 MS
* status MS
* class MS
* class from EncounterClassVS (required)
* subject 1..1 MS
* subject only Reference(Patient)
* period 1..1 MS
* period.start 1..1 MS
* period.end MS
* serviceProvider 1..1 MS
* serviceProvider only Reference(Organization)
