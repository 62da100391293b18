var w = window.innerWidth;
