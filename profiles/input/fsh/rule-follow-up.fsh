// Tasks the adapter itself creates because a rule demands it (delegations after discharge, personal assistance).

Profile: VbRuleFollowUpTask
Parent: Task
Id: vb-rule-follow-up-task
Title: "Vårdbrygga rule follow-up task"
Description: "A task the adapter itself creates for a unit because a rule demands it: decide on new delegations after discharge (R-DEL-1), the four-week limit of assistance compensation (R-PA-1), applying for compensation (R-PA-2), direct contact about a serious deviation in a service purchase (R-TK-5), the phone call of the outage routine when a system is down (R-OUT-1)."
* insert VbTaskCommon
* code from RuleFollowUpTaskCodeVS (required)
* owner only Reference(Organization)
* owner ^short = "The unit that must act: the municipality or the executor of the personal assistance"
* focus 1..1 MS
* focus only Reference(Encounter or Communication or Task)
* focus ^short = "The admission or discharge (vb-encounter), the serious deviation report (R-TK-5), or the message the outage routine carries (R-OUT-1)"
* reasonCode 1..1 MS
* reasonCode from RuleVS (required)
* reasonCode ^short = "The rule that created the task"
* description 1..1 MS
* description ^short = "What the unit must do"
* restriction MS
* restriction.period MS
* restriction.period.end MS
* restriction.period.end ^short = "When it is due"
* input MS
* input ^short = "An ended delegation (ended-delegation), the limit date (limit-date), the receiver's telephone (receiver-phone) or other details"
* input.value[x] only Reference(Task) or date or string
