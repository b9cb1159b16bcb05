"""The assistant: plain words (English, Chinese) to commands that are valid by construction.

``parser.parse("stop both conveyors", fleet)`` returns a :class:`proposal.Proposal`: either commands,
each one already passed through ``DeviceMeta.validate_params`` (so the pipeline cannot reject it for
its shape), or a :class:`proposal.Refusal` whose reason tells the operator what to say instead.
Nothing is sent from here; the UI shows the proposal and the operator confirms it.  Qt-free, pure.

Modules, top to bottom (each imports only those below it):

- ``intent_cli``  ``autoglm-console intent``: JSON lines, no broker, no window
- ``layers``      Assistant: rules → catalog semantics → the model's choice, and the gates every layer
                  passes (exposure, direction check, deliberate refusals never retried)
- ``model_choice`` the model layer: likelihood scoring of the enumerated legal readings (local), or
                  the number of one (remote); torch imported lazily
- ``semantics``   what kinds do in the world (declared in the catalog) · ``ha_semantics``: derived
                  for Home Assistant devices · ``typos`` (rapidfuzz) · ``ordinals``
- ``parser``      IntentParser / parse: the rules layer, clause by clause when parts clash
- ``targets``     which devices (groups, all / one / the model's pick)
- ``assign``      what one device gets (enums, numbers) · ``actions``: what a verb does to it
- ``reader``      utterance → Reading · ``values``: numbers as values · ``leftovers``: unknown words
- ``screening``   asks refused outright (negations, °F, conditions, relative changes, questions)
- ``proposal``    Proposal / ProposedCommand / Refusal, building and validating them
- ``vocabulary``  the fleet's phrase tables · ``ranker``: the optional model's tie-break
- ``aliases``     bilingual names · ``wording``: labels and summaries · ``reading``: the Reading data
- ``direction``   the direction check (close/stop/off/关/停 never open/start/raise, and the reverse),
                  each clause's direction bound to the devices that clause is about
- ``clauses``     the clause splitter ("X off and sound Y", 顺便) and chatter ("we're heading out")
- ``lexicon``, ``numbers``, ``phrases``  words as data, numerals and units, phrase matching
- ``switch_values`` when a value also switches on (set/move to a value, run in a mode, a need + a level) ·
  ``purpose_picks``: a purpose clause's model pick dropped; clause binding for model-read clauses
- ``headings`` a purpose heading before a list ("Closing the office down: …") and terse target states ·
  ``people``: a person let in · ``outdoors``: "outside" as the fleet's outdoor devices · ``hvac_both``:
  heating and cooling off together (pure text, no package imports)
- ``there_place`` "there" / "the room" as the place named last · ``warm_target`` "warmer, around 25", "heat or
  cool as needed" · ``noun_pairs`` one verb before two nouns, each its device (session 7, fixer E)
- text rewrites in ``phrases.normalize`` (pure text): ``variants`` traditional / Japanese characters as
  simplified · ``terse`` remark and purpose sentences, passive and terse requests · ``labels`` work-order
  labels · ``negated_modes`` "no cooling" never a mode · ``colon_lists`` / ``colon_lists_zh`` a heading's
  direction given to a listed thing each · ``purposes`` "for the night" · ``siren_verbs`` /
  ``siren_purpose_zh`` a bare siren verb · ``resume_zh`` 恢复生产 · ``value_clauses_zh`` a value-only clause
  joined to the clause before · ``climate_names`` "the heating and cooling", 暖通 as the AC · ``wishes`` "I'd
  like X closed" as "close X", "can't have X on" as a negation
  · ``only_mode_zh`` 只要X就行，不用Y: the mode X · ``blinds_way_zh`` 拉下来 / 拉上去 · ``all_off_zh`` 灯全关 as
  every lamp · ``evacuate_zh`` 提醒…的人撤离 as the place's siren · ``ordinal_lists`` (read by layers):
  一号和二号传送带, "conveyors 1 and 2", "the fans on lines a and b", each device listed
- session 8, Chinese side: ``light_verbs_zh`` 灭 / 熄 (off) and 点亮 / 点灯 (on) in a clause about a light ·
  ``brighter_on`` (read by layers) "brighter" on a place's one switch-only light is on · ``ellipsis_parts`` (read
  by layers) "…, and the coolant too" borrows the verb or refuses · ``all_of_unknown`` (read by layers) 所有线路 /
  "all circuits" is never every device
- ``corrections`` (read by layers first, and by the direction check): a self-correction ("start conveyor b, oh
  wait, stop it", 不对) withdraws the part before it, the correction read alone or the ask refused; apologies
  that are politeness ("sorry to bother you", "sorry if this is wrong", 打扰一下) dropped
- checks: ``conditions`` and ``delays`` (refused anywhere, every layer) · ``negated_reasons`` a negated
  reason clause is not a negated command · ``absent_devices`` a device word of a device the fleet lacks ·
  ``truncations`` a name cut to its first word · ``relative_target`` a relative word with a target ·
  ``lent_values`` a "which one?" clause never lends its value
- session 9, parts of an ask: ``lockout`` LOTO / 挂锁 a reason, never the lock · ``as_before`` "like before", "for
  the load test" · ``list_commas_zh`` a 、-list of commands as clauses · ``terse_going`` "coolant going" ·
  ``run_ons`` "conveyor A off conveyor B on" · ``object_verbs_zh`` 烟排一下 as 排烟 · ``inclusions`` "every light
  off, the warehouse one too" · ``place_kind_verbs`` "pause line two": its conveyor · ``shared_switch`` "start
  conveyor A at 30 and conveyor B at 40" (all read by layers or phrases.normalize)
- session 9, devices described (all read by layers): ``described`` "that whooshing thing over line A", 二号线那个推箱子的
  东西, appositions, 天花板上的灯: one device or refused · ``sound_patterns`` "the on-off beeping", 呜呜呜那种: the siren's
  pattern · ``place_bounds`` a kind in a place without one, a place the fleet lacks: refused before any layer ·
  ``rough_targets`` 调暗一点，20左右就行: the target
- session 9, harms (all read by layers): ``symptom_over`` a problem that is over (气味散了, "fumes are gone") starts
  nothing · ``verb_kinds`` a kind's own verb ("ventilate") settles a tie before the model · ``described_words`` a
  sound or load word beside a place (二号线箱子, 咕噜咕噜那个) acts on its kind there · ``chatter_typos`` no typo fixed
  inside chatter ("heading out to the floor") · ``handover_reports`` "handover: …, nothing pending" refused ·
  ``place_degrees`` "make the office 22" in degrees · ``placed_values`` a clause's number never silently dropped ·
  ``max_runs`` "all the way up", "full coolant flow", 全速 run the device at its top
- session 9, negations that only bound or clarify (read by layers.understand): ``bounded_negations`` "don't open it
  fully, just 20%", "not the valve, the pump", 蒸汽别动，先让水流起来, "set it to wail but don't sound it", "too open,
  close it to 10", "this isn't a drill": the rest, never the negated action; double negatives refused

How an utterance is read (docs/ASSISTANT.md has the full table):

1. **Devices** are found by name: the catalog's ids and names, plus the bilingual aliases file
   next to the fleet (``demo-fleet.json`` → ``demo-aliases.json``): device names, zone names
   (办公室/office, A线/line A) and kind words (灯/lamp, 空调/AC, 传送带/conveyor).  The longest
   name wins ("line a fan" is the fan, not the zone).
2. **Changes** are read by rules: on/off/start/stop/open/close/lock/unlock words, numbers with
   units (%, °C/度, rpm/转, L/min/升每分钟, also 二十二度), enum words (high, heat, 高速, 制热),
   ``half`` → 50 %, ``fully``/``max`` → the capability's maximum, ``min`` → its minimum.
3. Each candidate device gets the changes it can take; a device that cannot take them all is not
   a match.  The values are then checked against the catalog: out of range → refusal naming the
   allowed range, never a clamped or different value.

Conventions (decided once, applied everywhere):

- The **verb decides whether a device is switched on**: "run the fan at high speed" and
  "run conveyor B at 60 rpm" also switch on/start it (``run`` is an on-word); "set the fan to
  high" only changes the speed.  Values never imply power: "line b is going too fast, drop it to
  40 rpm" sets the speed and starts nothing ("going"/"flowing" are on-words only after get/need/want).
  Except the explicit top of the range: "max extraction", "full blast", 开到最大 also switch the device on
  (it should run at it).  A clock time or day word ("at 6am", 明早八点) is a schedule: refused.
- "open"/"close" on a valve or blinds mean 100 % / 0 %, unless a value is given
  ("open the valve halfway" → 50).  For blinds ``position`` 100 is fully open.
- Locks only react to lock/unlock (锁上/解锁), never to open/close or on/off; except 开/关 on a lock
  named as the target in Chinese (把门锁打开 → unlock, 关上门锁 → lock): 开锁 is how it is said.
- One noun, several matching devices: **all of them** when the utterance says so (all, both,
  every, everything, a plural noun, 所有, 全部, 都, 两条…), else the optional ``ranker`` (a model)
  breaks the tie, else the parser refuses and names the candidates.  Devices in a plural group
  that cannot take the change are skipped ("turn all lights to 50 %" leaves the floodlight,
  which has no dimmer, alone); a value out of range for any of them refuses the whole utterance.
- **Unknown nouns or places are refused**, unknown other words are not: "kitchen lights",
  "garage door", "打开厨房的灯" are refused; "please, could you …" is fine.
- Questions ("what is …", "how do I start …", "…多少度") are not commands.
- All or nothing: if any part of an utterance cannot be carried out, nothing is proposed.
- At most ``max_commands`` commands per utterance (default 50): a bigger fleet-wide ask is refused.

The model is optional and only ever picks between devices that are already compatible with the
rules' reading (ranker.py); the caller injects it, so nothing here imports torch.
"""
