package se.vardbrygga.adapter.it;

/**
 * Intake documents of the routing tests, against the demo directory: the health centre's consent for the home-care
 * unit, and SIP invitations to that unit, each routed to Lifecare SP (R-INFO-1) once the consent exists.
 */
final class RoutedDocuments {
    static final String HEALTH_CENTRE = "SE2321009959-VB1401";
    static final String HOME_CARE = "SE2120009952-VB2401";

    private RoutedDocuments() {
    }

    static String consent() {
        return ("{'sender':{'hsaId':'%s'},'patient':{'personnummer':'194403279823'},'decision':'permit',"
                + "'receivingUnits':[{'hsaId':'%s'}],'period':{'start':'2026-01-01','end':'2030-12-31'},'date':'2026-01-01'}")
                .formatted(HEALTH_CENTRE, HOME_CARE);
    }

    /** SIP invitation number {@code n} (the number only makes the documents differ). */
    static String sipInvitation(int n) {
        return ("{'sender':{'hsaId':'%s'},'patient':{'personnummer':'194403279823'},'careContact':{'hsaId':'SE2321009959-R0102',"
                + "'name':'Lisa Holm'},'dischargeReadyDate':'2030-11-27','deadline':'2030-11-26','invited':[{'hsaId':'%s',"
                + "'responsibility':'Omläggning %d'}],'kartlaggning':{'reason':'Utskrivning','background':'Diabetes typ 2',"
                + "'status':'Opåverkad','orderedTreatment':'Omläggning'}}").formatted(HEALTH_CENTRE, HOME_CARE, n);
    }
}
