// The content side of Byline, loaded once per page by content.js (a toolbar click),
// auto.js (auto-clean) and pick.js (the element picker); the module stays cached in the
// content script's world. It wires the parts together and answers the popup:
//   lib/clean.js   cleaning, restoring, the page's state
//   lib/watch.js   blocks added later, SPA navigations
//   lib/picker.js  the element picker

import { cleaned, degradedBy, reclean, report, summary, whenCleaned } from "./clean.js";
import { errorResult, isMessage, MSG, STATE } from "./protocol.js";
import { watch } from "./watch.js";

export { autoClean, toggle } from "./clean.js";
export { pick } from "./picker.js";

whenCleaned(watch);

// The popup's questions.
chrome.runtime.onMessage.addListener((message, _sender, reply) => {
  if (!isMessage(message)) return false;
  const current = cleaned();
  switch (message.type) {
    case MSG.hidden:
      reply({
        state: current ? STATE.cleaned : degradedBy() ? STATE.degraded : STATE.notCleaned,
        degraded: degradedBy(),
        items: current ? current.applied.items.map(({ kind, reason, code, args, text, shown }) => ({ kind, reason, code, args, text, shown })) : [],
        timing: current ? current.timing : null,
        via: current ? current.core.via : null,
      });
      return false;
    case MSG.show: {
      const ok = !!current && current.applied.showAgain(message.index);
      if (ok) report(summary(current.result));
      reply({ ok });
      return false;
    }
    case MSG.reclean:
      reclean({ onlyIfCleaned: true }).then(reply, (e) => reply(errorResult(e)));
      return true;
    default:
      return false;
  }
});
