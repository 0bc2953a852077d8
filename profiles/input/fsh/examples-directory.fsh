// Valid examples: patients, units, staff, endpoints. All names, numbers and units are fictional.
// 191212121212 is Skatteverket's test personnummer (Tolvan Tolvansson); 191212721219 is the
// samordningsnummer of the same birth date (day 12 + 60 = 72) with a valid check digit.

Instance: vb-patient-example
InstanceOf: VbPatient
Title: "Patient with personnummer"
Description: "Tolvan Tolvansson, identified by a valid personnummer."
Usage: #example
* insert Narrative(Tolvan Tolvansson\, personnummer 19121212-1212)
* identifier[personnummer].system = $pnr
* identifier[personnummer].value = "191212121212"
* name.family = "Tolvansson"
* name.given = "Tolvan"
* gender = #male
* birthDate = "1912-12-12"
* address.city = "Karlstad"

Instance: vb-patient-example-samordningsnummer
InstanceOf: VbPatient
Title: "Patient with samordningsnummer"
Description: "A patient identified by a valid samordningsnummer (day + 60)."
Usage: #example
* insert Narrative(Nadia Haddad\, samordningsnummer 19121272-1219)
* identifier[samordningsnummer].system = $snr
* identifier[samordningsnummer].value = "191212721219"
* name.family = "Haddad"
* name.given = "Nadia"
* gender = #female

Instance: vb-organization-example
InstanceOf: VbOrganization
Title: "Region ward"
Description: "An inpatient ward of a regional hospital."
Usage: #example
* insert Narrative(Avdelning 21 Medicin\, Centralsjukhuset Karlstad)
* identifier[hsaId].system = $hsa
* identifier[hsaId].value = "SE2321000990-AVD21"
* identifier[organisationNumber].system = $orgnr
* identifier[organisationNumber].value = "2321000990"
* active = true
* type = OrganizationType#region-ward "Region ward"
* name = "Avdelning 21 Medicin, Centralsjukhuset Karlstad"
* telecom.system = #phone
* telecom.value = "+46 54 000 21 21"
* endpoint = Reference(vb-endpoint-example-ward-cosmic-link)

Instance: vb-organization-example-municipal-home-care
InstanceOf: VbOrganization
Title: "Municipal home health care unit"
Description: "A municipal home health care unit."
Usage: #example
* insert Narrative(Hemsjukvården Norr\, Karlstads kommun)
* identifier[hsaId].system = $hsa
* identifier[hsaId].value = "SE2120000993-HSVNORR"
* identifier[organisationNumber].system = $orgnr
* identifier[organisationNumber].value = "2120000993"
* active = true
* type = OrganizationType#municipal-home-care "Municipal home health care"
* name = "Hemsjukvården Norr, Karlstads kommun"
* telecom.system = #phone
* telecom.value = "+46 54 000 40 40"
* endpoint[0] = Reference(vb-endpoint-example)
* endpoint[1] = Reference(vb-endpoint-example-smime-email)

Instance: vb-organization-example-health-centre
InstanceOf: VbOrganization
Title: "Health centre"
Description: "A primary-care health centre."
Usage: #example
* insert Narrative(Hälsocentralen Solbacken)
* identifier[hsaId].system = $hsa
* identifier[hsaId].value = "SE2321000990-HC0042"
* identifier[organisationNumber].system = $orgnr
* identifier[organisationNumber].value = "2321000990"
* active = true
* type = OrganizationType#health-centre "Health centre"
* name = "Hälsocentralen Solbacken"
* telecom.system = #phone
* telecom.value = "+46 54 000 42 42"

Instance: vb-organization-example-assistance-provider
InstanceOf: VbOrganization
Title: "Assistance provider"
Description: "A personal-assistance company (executor)."
Usage: #example
* insert Narrative(Trygga Händer Assistans AB)
* identifier[hsaId].system = $hsa
* identifier[hsaId].value = "SE5599001236-ASSIST1"
* identifier[organisationNumber].system = $orgnr
* identifier[organisationNumber].value = "5599001236"
* active = true
* type = OrganizationType#assistance-provider "Assistance provider"
* name = "Trygga Händer Assistans AB"

Instance: vb-organization-example-outpatient-clinic
InstanceOf: VbOrganization
Title: "Outpatient clinic"
Description: "A regional outpatient clinic, told in advance when a patient needs specific help at a visit (R-CMP-3)."
Usage: #example
* insert Narrative(Diabetesmottagningen\, Centralsjukhuset Karlstad)
* identifier[hsaId].system = $hsa
* identifier[hsaId].value = "SE2321000990-DIABMOTT"
* identifier[organisationNumber].system = $orgnr
* identifier[organisationNumber].value = "2321000990"
* active = true
* type = OrganizationType#outpatient-clinic "Outpatient clinic"
* name = "Diabetesmottagningen, Centralsjukhuset Karlstad"
* telecom.system = #phone
* telecom.value = "+46 54 000 33 33"

Instance: vb-organization-example-emergency-department
InstanceOf: VbOrganization
Title: "Emergency department"
Description: "A regional emergency department; it sees what the municipality sends via Cosmic Link but cannot reply through it (R-COM-2)."
Usage: #example
* insert Narrative(Akutmottagningen\, Centralsjukhuset Karlstad)
* identifier[hsaId].system = $hsa
* identifier[hsaId].value = "SE2321000990-AKUT"
* identifier[organisationNumber].system = $orgnr
* identifier[organisationNumber].value = "2321000990"
* active = true
* type = OrganizationType#emergency-department "Emergency department"
* name = "Akutmottagningen, Centralsjukhuset Karlstad"
* telecom.system = #phone
* telecom.value = "+46 54 000 11 00"

Instance: vb-practitioner-role-example
InstanceOf: VbPractitionerRole
Title: "Ward nurse"
Description: "A registered nurse of the ward, who delegates a task (R-DEL-2)."
Usage: #example
* insert Narrative(Karin Lind\, legitimerad sjuksköterska\, Avdelning 21 Medicin)
* identifier[hsaId].system = $hsa
* identifier[hsaId].value = "SE2321000990-KL7788"
* active = true
* practitioner = Reference(Practitioner/karin-lind) "Karin Lind"
* organization = Reference(vb-organization-example) "Avdelning 21 Medicin, Centralsjukhuset Karlstad"
* code = $practitioner-role#nurse "Nurse"
* code.coding[1] = LicensedProfession#nurse "Nurse"
* telecom.system = #phone
* telecom.value = "+46 54 000 21 30"

Instance: vb-practitioner-role-example-physician
InstanceOf: VbPractitionerRole
Title: "Primary-care physician"
Description: "The patient's named physician at the health centre, who orders home visits and enrols in home health care (R-HC-2, R-HV-3)."
Usage: #example
* insert Narrative(Erik Nilsson\, läkare\, Hälsocentralen Solbacken)
* identifier[hsaId].system = $hsa
* identifier[hsaId].value = "SE2321000990-EN1234"
* active = true
* practitioner = Reference(Practitioner/erik-nilsson) "Erik Nilsson"
* organization = Reference(vb-organization-example-health-centre) "Hälsocentralen Solbacken"
* code = $practitioner-role#doctor "Doctor"
* telecom[0].system = #phone
* telecom[0].value = "+46 54 000 42 10"
* telecom[1].system = #email
* telecom[1].value = "erik.nilsson@solbacken.example"

Instance: vb-endpoint-example
InstanceOf: VbEndpoint
Title: "Lifecare SP endpoint"
Description: "The municipal unit's address in Lifecare SP."
Usage: #example
* insert Narrative(Lifecare SP: Hemsjukvården Norr)
* status = #active
* connectionType = EndpointType#lifecare-sp "Lifecare SP"
* name = "Lifecare SP - Hemsjukvården Norr"
* managingOrganization = Reference(vb-organization-example-municipal-home-care) "Hemsjukvården Norr, Karlstads kommun"
* payloadType = $endpoint-payload-type#any "Any"
* address = "https://lifecare.example/fhir"

Instance: vb-endpoint-example-smime-email
InstanceOf: VbEndpoint
Title: "Outage e-mail endpoint"
Description: "The municipal unit's encrypted e-mail address for the outage routine (R-OUT-1)."
Usage: #example
* insert Narrative(Krypterad e-post för avbrottsrutinen: Hemsjukvården Norr)
* status = #active
* connectionType = EndpointType#smime-email "S/MIME e-mail"
* managingOrganization = Reference(vb-organization-example-municipal-home-care) "Hemsjukvården Norr, Karlstads kommun"
* payloadType = $endpoint-payload-type#any "Any"
* payloadMimeType = #application/pdf
* address = "mailto:hemsjukvarden.norr@karlstad.example"
* extension[certificate].valueAttachment.contentType = #application/pkix-cert
* extension[certificate].valueAttachment.data = "MIIDhTCCAm2gAwIBAgIIUQhmBeiO9QQwDQYJKoZIhvcNAQELBQAwSDEYMBYGA1UEChMPVmFyZGJyeWdnYSBkZW1vMSwwKgYDVQQDDCNoZW1zanVrdmFyZGVuLm5vcnJAa2FybHN0YWQuZXhhbXBsZTAeFw0yNTAxMDEwOTU0MTBaFw00NDEyMjcwOTU0MTBaMEgxGDAWBgNVBAoTD1ZhcmRicnlnZ2EgZGVtbzEsMCoGA1UEAwwjaGVtc2p1a3ZhcmRlbi5ub3JyQGthcmxzdGFkLmV4YW1wbGUwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEKAoIBAQCv7MsgrzahemMRmW/LuHZKrzM7NFOMGMCKjVqkhI8smraj+oPAURQkYJuMbp5imYKSWgyt9SE6afo4ZI2wXFQ8teoqSj8muwyP20MPEaeNzi2gKX7ELEKCamsTxsowaugqImDIhCjR98k6f+UopKpCFBXztt+j2WshEN9xBP9DJ+L2ZVmke81Fsbu5zQyx93Nf9wRflcOlhqSGxsM42SzUGR1ZCB/XXcz6CwZLJQPPX5bj8BdcQcmBH5nCZRV1pLQyjl19fd28o+/KVCaNNetqCvTt+1UxQa+j8wE4X+kZsLRzZw+XixQLrljMLN1fS/ZmH8JTaU1aiTXwMXpc8FjlAgMBAAGjczBxMB0GA1UdDgQWBBTAAm+AuXlqeTjzht0Y3B9lYdoOmDALBgNVHQ8EBAMCBaAwLgYDVR0RBCcwJYEjaGVtc2p1a3ZhcmRlbi5ub3JyQGthcmxzdGFkLmV4YW1wbGUwEwYDVR0lBAwwCgYIKwYBBQUHAwQwDQYJKoZIhvcNAQELBQADggEBAGyxU5vQZI6iE8QYKJLdUK/OMjuWu5mCLsPrcCZSizZ6d/HTOU8AFzpzy8LGr8S9KPjsEE+GC2G3Z3twygDuVbkV7ak9kFiD5cO5TaS4pB1K6rxQWIJHvdRIVAaRchnUTeR/UFQ33ytH7gpSIQmWRNcWrH89abjG5Isy/H8+RxH2IJT8Ag1kNIzw5fH0zS/z9an50jrdSE4fqgiUvBawq5Tdru/DjmWIRc7KDr6T3nTuPibr1WGLbRMC5L2zpvhoJZh4zWQuNgMorMXJYcq7NInlUJp67HHoJNlBzVvT6/Rl8vRm+ELLlUtlQy98vgrJ2ZcCFr9uI1fuUDC0FvXxXSw="

Instance: vb-endpoint-example-ward-cosmic-link
InstanceOf: VbEndpoint
Title: "Cosmic Link endpoint"
Description: "The ward's address in Cosmic Link (R-COM-3)."
Usage: #example
* insert Narrative(Cosmic Link: Avdelning 21 Medicin)
* status = #active
* connectionType = EndpointType#cosmic-link "Cosmic Link"
* managingOrganization = Reference(vb-organization-example) "Avdelning 21 Medicin, Centralsjukhuset Karlstad"
* payloadType = $endpoint-payload-type#any "Any"
* address = "https://cosmic.example/fhir"
