"""An alarm on someone's phone or pager is a reason, never the fleet's siren (session 10, harms found blind).

"got an alarm on my phone, conveyor b stop asap" silenced the yard siren with the conveyor: the rules read "alarm" as
the siren's kind word and gave it the ask's "stop".  An alarm, alert or warning said to be ON or FROM a person's own
device (phone, mobile, pager, beeper, tablet, watch, laptop, radio, app, email, text) — or named after it ("phone
alarm", "pager alert"), in Chinese 手机上(收到)的报警 / 手机报警 / 对讲机里的警报 — is how the operator heard of the
trouble: :func:`personal_alarms` rewrites that alarm word to "message" / 消息, so it names no device and the rest of
the ask is read as said.  "silence the alarm, my phone is ringing" keeps its siren (the alarm is not on the phone);
"turn off the alarm on my phone" then names nothing of the fleet and is refused.  Pure regular expressions, compiled
at import; no threads, no state.
"""

from __future__ import annotations

import re

_GADGET_EN = (r"(?:phones?|cell\s*phones?|cellphones?|mobiles?|smartphones?|pagers?|beepers?|tablets?|ipads?|"
              r"(?:smart\s*)?watch(?:es)?|laptops?|radios?|walkie(?:-|\s)?talkies?|apps?|e-?mails?|inbox|texts?|"
              r"sms|messages?|whatsapp|wechat|teams|slack)")
_ALARM_EN = r"(?:alarms?|alerts?|sirens?|alarm\s+notifications?|alarm\s+messages?)"
_OWNER_EN = r"(?:my|his|her|their|our|your|the|a|an|someone'?s|somebody'?s|the\s+\w+'?s)"
# "an alarm on my phone", "alerts from the pager", "an alarm came in on my phone", "an alarm went off on his pager"
_ON_GADGET = re.compile(rf"(?<![a-z])(?:an?\s+)?(?P<a>{_ALARM_EN})"
                        r"(?P<mid>(?:\s+(?:came|come|comes|coming|went|go|goes|going|popped|pops|just|in|up|off|"
                        rf"through))*\s+(?:on|from|in|via|through|to)\s+{_OWNER_EN}?\s*(?:work\s+)?"
                        rf"{_GADGET_EN})(?![a-z])")
# "my phone alarm", "a pager alert", "the app's alarm"
_GADGET_ALARM = re.compile(rf"(?<![a-z])(?P<g>{_GADGET_EN}(?:'s)?)\s+(?P<a>{_ALARM_EN})(?![a-z])")
_GADGET_ZH = r"(?:手机|电话|寻呼机|呼机|传呼机|平板|手表|对讲机|微信|短信|邮件|邮箱|电脑|笔记本|APP|app)"
_ALARM_ZH = r"(?:报警|警报|告警|预警)"
# 手机上收到一个报警 / 手机上的警报 / 手机报警了 / 对讲机里来了个告警
_ZH = re.compile(rf"(?P<g>{_GADGET_ZH}(?:上|里|里面|上面)?(?:收到|接到|来了|弹出|弹了|响了|有|出现)?了?"
                 rf"(?:一个|一条|个|条)?的?)(?P<a>{_ALARM_ZH})(?!器)")


def personal_alarms(text: str) -> str:
    """``text`` (normalised) with an alarm word said to be on or from a personal device rewritten to "message" /
    消息 (see module); the same string when there is none."""
    if not text:
        return text
    out = _ON_GADGET.sub(lambda m: ("a message" if m.group(0)[:1] == "a" and m.group(0)[:2] != "al" else "message")
                         + m.group("mid"), text)
    out = _GADGET_ALARM.sub(lambda m: m.group("g") + " message", out)
    return _ZH.sub(lambda m: m.group("g") + "消息", out)
