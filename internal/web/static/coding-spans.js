// Coding any span of a source (issue 18). Without JavaScript a coder codes
// whole sentences, paragraphs or utterances by checkbox; this script shows
// the "Code any part of the text" form and fills in where the words
// selected in its read-only text box start and end, counted in characters
// (Unicode code points) from the start of the source, as REFI-QDA counts
// positions. The text is in a text box because its words can be selected
// from the keyboard (Shift with the arrow keys) as well as with the mouse;
// Chromium moves no caret in a read-only one, so this script keeps the
// text from changing instead (it is marked aria-readonly, and inputmode
// "none" keeps a phone's keyboard away).
(function () {
  'use strict';
  var section = document.getElementById('span-coding');
  var text = document.getElementById('span-text');
  if (!section || !text) {
    return;
  }
  var start = document.getElementById('span-start');
  var end = document.getElementById('span-end');
  var chosen = document.getElementById('span-chosen');
  var base = parseInt(text.getAttribute('data-start'), 10) || 0;
  var original = text.value;
  var shown = '';

  // Code points, not the UTF-16 units JavaScript strings count.
  function points(s) {
    return Array.from(s).length;
  }

  function update() {
    var a = text.selectionStart;
    var b = text.selectionEnd;
    var words = text.value.slice(a, b);
    var message = 'Nothing is selected yet.';
    start.value = '';
    end.value = '';
    if (words.trim() !== '') {
      start.value = String(base + points(text.value.slice(0, a)));
      end.value = String(base + points(text.value.slice(0, b)));
      message = 'Selected: “' + words + '”, characters ' + start.value + ' to ' + end.value + '.';
    }
    // Say it only when it changes, so the live region is not repeated.
    if (message !== shown) {
      shown = message;
      chosen.textContent = message;
    }
  }

  // Typing, pasting, cutting and dropping change nothing.
  text.addEventListener('beforeinput', function (e) {
    e.preventDefault();
  });
  text.addEventListener('input', function () {
    if (text.value !== original) {
      var at = text.selectionStart;
      text.value = original;
      text.setSelectionRange(at, at);
    }
  });

  ['select', 'keyup', 'mouseup', 'input'].forEach(function (name) {
    text.addEventListener(name, update);
  });
  document.addEventListener('selectionchange', function () {
    if (document.activeElement === text) {
      update();
    }
  });
  section.hidden = false;
})();
