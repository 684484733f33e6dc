/* GIP Desk web console: progressive enhancement only. Every page works without this script; with it,
   forms show only what applies, the sign-in stays alive, and double submits are stopped. No eval,
   no inline handlers (the Content-Security-Policy allows scripts from this site only). */
(function () {
  'use strict';
  document.documentElement.classList.add('js');
  const $ = (selector, root) => (root || document).querySelector(selector);
  const $$ = (selector, root) => Array.from((root || document).querySelectorAll(selector));

  // ── the sign-in session: refresh the short-lived access token before it runs out ──
  const STORAGE_KEY = 'gip:access-expires';
  // Counted with the browser's own clock from what the server says is left (PC clocks can be wrong).
  const meta = $('meta[name="gip-access"]');
  const lifetime = meta ? Number(meta.dataset.lifetime) * 1000 : 0;
  let expires = meta && meta.dataset.ttl !== '' ? Date.now() + Number(meta.dataset.ttl) * 1000 : 0;
  let inflight = null;
  const freshFor = (ms) => !expires || Date.now() < expires - ms;
  const signInUrl = () =>
    '/sign-in?expired=1&next=' + encodeURIComponent(location.pathname + location.search);

  async function refreshOnce() {
    // Another tab may have refreshed already (the refresh token is single-use: never reuse it).
    const shared = Number(localStorage.getItem(STORAGE_KEY) || 0);
    if (shared > expires && Date.now() < shared - 60000) {
      expires = shared;
      return true;
    }
    const response = await fetch('/api/v1/auth/refresh', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
    if (!response.ok) return false;
    expires = Date.now() + lifetime;
    localStorage.setItem(STORAGE_KEY, String(expires));
    return true;
  }

  function refresh() {
    if (inflight) return inflight;
    const run = () => refreshOnce().catch(() => false);
    inflight = (navigator.locks ? navigator.locks.request('gip-refresh', run) : run()).finally(() => {
      inflight = null;
    });
    return inflight;
  }

  const ensureFresh = (ms) => (freshFor(ms) ? Promise.resolve(true) : refresh());

  if (expires) {
    setInterval(() => {
      if (document.visibilityState === 'visible' && !freshFor(120000)) ensureFresh(120000);
    }, 30000);
  }

  // On the sign-in page after a timeout: the session may still be valid (only the access token ran out).
  const tryRefresh = $('[data-try-refresh]');
  if (tryRefresh) {
    refresh().then((ok) => {
      if (ok) location.replace(tryRefresh.getAttribute('data-next') || '/');
    });
  }

  // ── long operations: say in words that something is being done, next to what was clicked ──
  function busyNote(anchor, text) {
    const note = document.createElement('span');
    note.className = 'busy-note';
    note.setAttribute('role', 'status');
    note.textContent = text;
    anchor.insertAdjacentElement('afterend', note);
    return note;
  }

  /**
   * A download (a PDF printed by Chromium, a large export) takes seconds and leaves the page where it
   * is: the request carries a random token, the server answers with a cookie of that token, and the
   * note stays until it arrives (src/console/console-downloads.ts).
   */
  const DOWNLOAD_COOKIE = 'gip_download';
  function awaitDownload(anchor, text) {
    const token = Math.random().toString(36).slice(2) + Date.now().toString(36);
    const note = busyNote(anchor, text);
    anchor.setAttribute('aria-busy', 'true');
    const started = Date.now();
    const timer = setInterval(() => {
      const arrived = document.cookie.split('; ').includes(DOWNLOAD_COOKIE + '=' + token);
      if (!arrived && Date.now() - started < 180000) return;
      clearInterval(timer);
      document.cookie = DOWNLOAD_COOKIE + '=; Max-Age=0; path=/; SameSite=Strict';
      anchor.removeAttribute('aria-busy');
      note.textContent = arrived ? '已生成，请查看浏览器的下载。' : '';
      setTimeout(() => note.remove(), 4000);
    }, 250);
    return token;
  }

  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[data-download]');
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (link.getAttribute('aria-busy') === 'true') {
      event.preventDefault();
      return;
    }
    const url = new URL(link.href, location.href);
    url.searchParams.set('dl', awaitDownload(link, link.dataset.download || '正在生成…'));
    link.href = url.toString();
  });

  // ── forms: refresh first if needed, then submit once ──
  document.addEventListener(
    'submit',
    (event) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement)) return;
      if (form.method.toLowerCase() !== 'post') {
        // A filter or a download form: a note while the page or the file is being made.
        if (event.defaultPrevented) return;
        const button = event.submitter || $('button', form);
        if (form.dataset.download !== undefined) {
          let field = $('input[name="dl"]', form);
          if (!field) {
            field = document.createElement('input');
            field.type = 'hidden';
            field.name = 'dl';
            form.appendChild(field);
          }
          field.value = awaitDownload(button || form, form.dataset.download || '正在生成…');
        } else if (form.dataset.busy && button) {
          busyNote(button, form.dataset.busy);
        }
        return;
      }
      if (form.dataset.submitting) {
        event.preventDefault();
        return;
      }
      if (expires && !freshFor(30000)) {
        event.preventDefault();
        const submitter = event.submitter;
        ensureFresh(30000).then((ok) => {
          if (ok) form.requestSubmit(submitter || undefined);
          else location.href = signInUrl();
        });
        return;
      }
      const button = event.submitter || $('button[type="submit"], button:not([type])', form);
      if (form.target === '_blank') {
        // The answer opens in a new tab: this page stays usable (a second click opens the same slip).
        if (form.dataset.busy && button) {
          const note = busyNote(button, form.dataset.busy);
          setTimeout(() => note.remove(), 4000);
        }
        return;
      }
      form.dataset.submitting = '1';
      if (form.dataset.busy && button) busyNote(button, form.dataset.busy);
      form.setAttribute('aria-busy', 'true');
      // After the browser has collected the form data (a disabled button would not send its value).
      setTimeout(
        () => $$('button[type="submit"], button:not([type])', form).forEach((b) => (b.disabled = true)),
        0,
      );
    },
    true,
  );
  window.addEventListener('pageshow', (event) => {
    if (!event.persisted) return;
    $$('form[data-submitting]').forEach((form) => {
      delete form.dataset.submitting;
      form.removeAttribute('aria-busy');
      $$('button', form).forEach((b) => (b.disabled = false));
      updateBlocking(form);
    });
    $$('.busy-note').forEach((note) => note.remove());
  });

  // htmx: refresh the session before a request if needed; send the CSRF token as a header.
  document.addEventListener('htmx:confirm', (event) => {
    if (!expires || freshFor(30000)) return;
    event.preventDefault();
    ensureFresh(30000).then((ok) => (ok ? event.detail.issueRequest() : (location.href = signInUrl())));
  });
  document.addEventListener('htmx:configRequest', (event) => {
    const token = $('meta[name="csrf-token"]');
    if (token) event.detail.headers['X-CSRF-Token'] = token.content;
  });

  // ── the channel's receipt evidence: show only the chosen channel's fields ──
  function showChannel(form) {
    const chosen = $('input[name="evidence.channel"]:checked', form);
    $$('.channel-evidence', form).forEach((fieldset) => {
      const on = !!chosen && fieldset.dataset.channel === chosen.value;
      fieldset.hidden = !on;
      $$('input, select, textarea', fieldset).forEach((input) => (input.disabled = !on));
    });
  }

  // ── registration: 当场答复 only for an applicant at the counter (in person or oral, Art. 33 para 1) ──
  function showOnTheSpot(form) {
    const box = $('[data-on-the-spot]', form);
    if (!box) return;
    const chosen = $('input[name="evidence.channel"]:checked', form);
    const counter = !!chosen && (chosen.value === 'in_person' || chosen.value === 'oral');
    box.hidden = !counter;
    const toggle = $('input[name="onTheSpot"]', box);
    if (toggle) toggle.disabled = !counter;
    const fields = $('[data-on-the-spot-fields]', box);
    const on = counter && !!toggle && toggle.checked;
    if (fields) {
      fields.hidden = !on;
      $$('input, select, textarea', fields).forEach((input) => (input.disabled = !on));
    }
  }

  // ── the draft: show the fields the chosen outcome needs ──
  function showOutcome(form) {
    const select = $('select[name="outcome"], select[name$=".outcome"]', form);
    if (!select) return;
    $$('[data-outcomes]', form).forEach((box) => {
      const wanted = box.dataset.outcomes.split(' ');
      box.hidden = !(wanted.includes('*') || wanted.includes(select.value));
    });
    const hint = $('[data-default-basis]', form);
    const bases = hint && hint.dataset.bases ? JSON.parse(hint.dataset.bases) : null;
    if (bases) hint.textContent = bases[select.value] || '（该结果没有默认依据，须填写）';
  }

  // ── pre-issue findings: a step whose letter has errors cannot be submitted ──
  function updateBlocking(form) {
    if (!$('[data-findings]', form)) return;
    const blocked = $$('[data-findings]', form).some((f) => f.dataset.blocking === 'true');
    $$('button[type="submit"]', form).forEach((b) => {
      b.disabled = blocked;
      if (blocked) b.title = '出具前检查未通过';
      else b.removeAttribute('title');
    });
  }

  function enhance(root) {
    $$('form', root).forEach((form) => {
      if ($('input[name="evidence.channel"]', form)) showChannel(form);
      showOutcome(form);
      showOnTheSpot(form);
      updateBlocking(form);
    });
    $$('[data-back]', root).forEach((button) => (button.hidden = history.length < 2));
  }

  document.addEventListener('change', (event) => {
    const target = event.target;
    const form = target.form;
    if (!form) return;
    if (target.name === 'evidence.channel') {
      showChannel(form);
      showOnTheSpot(form);
    }
    if (target.name === 'onTheSpot') showOnTheSpot(form);
    if (target.name === 'outcome' || target.name.endsWith('.outcome')) showOutcome(form);
  });

  // ── registration: choose an earlier applicant, or go back to a new one ──
  document.addEventListener('click', (event) => {
    const choose = event.target.closest('[data-choose-applicant]');
    if (choose) {
      $('#f-applicantId').value = choose.dataset.chooseApplicant;
      $('#f-applicantSummary').value = choose.dataset.summary;
      $('#chosen-applicant-text').textContent = choose.dataset.summary;
      $('#chosen-applicant').hidden = false;
      $('#new-applicant').hidden = true;
      $$('#new-applicant input, #new-applicant select, #new-applicant textarea').forEach(
        (i) => (i.disabled = true),
      );
      $('#applicant-matches').textContent = '';
      $('#f-applicantId').dispatchEvent(new Event('change', { bubbles: true }));
      $('[data-clear-applicant]').focus();
      return;
    }
    if (event.target.closest('[data-clear-applicant]')) {
      $('#f-applicantId').value = '';
      $('#f-applicantSummary').value = '';
      $('#chosen-applicant').hidden = true;
      $('#new-applicant').hidden = false;
      $$('#new-applicant input, #new-applicant select, #new-applicant textarea').forEach(
        (i) => (i.disabled = false),
      );
      $('#f-applicantId').dispatchEvent(new Event('change', { bubbles: true }));
      $('#f-applicant-name').focus();
      return;
    }
    if (event.target.closest('[data-back]')) history.back();
  });

  // ── calendar import: read the chosen file into the textarea ──
  document.addEventListener('change', (event) => {
    const box = event.target.closest('[data-file-to]');
    if (!box || !event.target.files || !event.target.files[0]) return;
    event.target.files[0].text().then((text) => {
      $('#' + box.dataset.fileTo).value = text;
    });
  });

  document.addEventListener('DOMContentLoaded', () => {
    enhance(document);
    if ($('#f-applicantId') && $('#f-applicantId').value) {
      $$('#new-applicant input, #new-applicant select, #new-applicant textarea').forEach(
        (i) => (i.disabled = true),
      );
    }
    const focus = $('[data-autofocus]');
    if (focus) focus.focus();
  });
  document.addEventListener('htmx:afterSwap', (event) => {
    enhance(event.target);
    // The annual report's drill-down lands under a long table: bring it into view, focus on it.
    if (event.target.id === 'drill') {
      const section = event.target.closest('section') || event.target;
      section.setAttribute('tabindex', '-1');
      section.scrollIntoView({ block: 'start' });
      section.focus({ preventScroll: true });
    }
    const form = event.target.closest && event.target.closest('form');
    if (form) updateBlocking(form);
  });
})();
