// Admission and discharge.

Profile: VbEncounter
Parent: Encounter
Id: vb-encounter
Title: "Vårdbrygga Encounter"
Description: "An admission, emergency visit or outpatient visit; an inpatient admission ends delegations and starts the four-week clock, discharge ends service purchases (R-DEL-1, R-PA-1, R-TK-3)."
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
