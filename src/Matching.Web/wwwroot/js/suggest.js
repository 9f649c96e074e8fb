// As-you-type suggestions. A field with data-suggest="url" fills the element whose id is data-suggest-target with the
// HTML fragment the page answers for url&q=…; the fragment's buttons post the form like the no-script "Suggest" button.
(() => {
  for (const field of document.querySelectorAll('[data-suggest]')) {
    const target = document.getElementById(field.dataset.suggestTarget);
    if (!target) continue;
    let timer;
    let pending;
    field.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const q = field.value.trim();
        pending?.abort();
        if (q.length < 2) { target.replaceChildren(); return; }
        pending = new AbortController();
        const url = new URL(field.dataset.suggest, document.baseURI);
        url.searchParams.set('q', q);
        try {
          const response = await fetch(url, { signal: pending.signal, credentials: 'same-origin' });
          if (response.ok) target.innerHTML = await response.text();
        } catch (error) {
          if (error.name !== 'AbortError') target.replaceChildren();
        }
      }, 300);
    });
  }
})();
