// Small behaviours, no inline scripts (the Content-Security-Policy forbids them).
document.addEventListener("change", (event) => {
  const el = event.target;
  if (el.classList && el.classList.contains("hd-autosubmit") && el.form) {
    el.form.submit();
  }
});
document.addEventListener("click", (event) => {
  const el = event.target.closest("[data-hd-confirm]");
  if (el && !window.confirm(el.dataset.hdConfirm)) {
    event.preventDefault();
  }
});
