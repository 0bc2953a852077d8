// Patient: Swedish personal identity numbers (HL7 Sweden identifier systems).

Invariant: vb-pat-id
Description: "The patient has a personnummer or a samordningsnummer."
Severity: #error
Expression: "identifier.where(system = 'http://electronichealth.se/identifier/personnummer' or system = 'http://electronichealth.se/identifier/samordningsnummer').exists()"

Invariant: vb-pnr-form
Description: "A personnummer or samordningsnummer has 12 digits (century first) and no dash; the check digit and the samordningsnummer day (+60) are checked by the server."
Severity: #error
Expression: "identifier.where(system = 'http://electronichealth.se/identifier/personnummer' or system = 'http://electronichealth.se/identifier/samordningsnummer').all(value.matches('^(19|20)[0-9]{10}$'))"

Profile: VbPatient
Parent: Patient
Id: vb-patient
Title: "Vårdbrygga Patient"
Description: "A patient identified by a Swedish personnummer or samordningsnummer in 12-digit form; the server also checks the Luhn check digit and the samordningsnummer day + 60. Used by every flow that names a patient (R-TK-3, R-INFO-2)."
* obeys vb-pat-id and vb-pnr-form
* identifier 1..* MS
* insert IdentifierSlicedBySystem
* identifier contains
    personnummer 0..1 MS and
    samordningsnummer 0..1 MS
* identifier[personnummer] ^short = "Personnummer (12 digits, YYYYMMDDNNNC)"
* identifier[personnummer].system 1..1 MS
* identifier[personnummer].system = $pnr
* identifier[personnummer].value 1..1 MS
* identifier[samordningsnummer] ^short = "Samordningsnummer (12 digits, day + 60)"
* identifier[samordningsnummer].system 1..1 MS
* identifier[samordningsnummer].system = $snr
* identifier[samordningsnummer].value 1..1 MS
* name MS
