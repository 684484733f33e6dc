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

  // ── forms: refresh first if needed, then submit once ──
  document.addEventListener(
    'submit',
    (event) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== 'post') return;
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
      form.dataset.submitting = '1';
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
      $$('button', form).forEach((b) => (b.disabled = false));
    });
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

  // ── the draft: show the fields the chosen outcome needs ──
  function showOutcome(form) {
    const select = $('select[name="outcome"]', form);
    if (!select) return;
    $$('[data-outcomes]', form).forEach((box) => {
      const wanted = box.dataset.outcomes.split(' ');
      box.hidden = !(wanted.includes('*') || wanted.includes(select.value));
    });
    const hint = $('[data-default-basis]', form);
    const bases = hint && hint.dataset.bases ? JSON.parse(hint.dataset.bases) : null;
    if (bases) hint.textContent = bases[select.value] || '（该结果没有默认依据，须填写）';
  }

  function enhance(root) {
    $$('form', root).forEach((form) => {
      if ($('input[name="evidence.channel"]', form)) showChannel(form);
      showOutcome(form);
    });
    $$('[data-back]', root).forEach((button) => (button.hidden = history.length < 2));
  }

  document.addEventListener('change', (event) => {
    const target = event.target;
    const form = target.form;
    if (!form) return;
    if (target.name === 'evidence.channel') showChannel(form);
    if (target.name === 'outcome') showOutcome(form);
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
  document.addEventListener('htmx:afterSwap', (event) => enhance(event.target));
})();
