/**
 * Runs before first paint: the page language from the path (so /en pages say lang="en"),
 * and the remembered theme (no flash of the wrong one).
 */
export const BOOT = `(function(){try{var d=document.documentElement;d.lang=location.pathname.indexOf('/en')===0?'en':'ko';var t=localStorage.getItem('theme');if(t==='light'||t==='dark')d.dataset.theme=t;}catch(e){}})();`;
