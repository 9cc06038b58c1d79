// Reading and writing the user's settings. The layout (which items, which area, chunks
// within the sync quotas, the schema) is decided by the core (src/settings.rs): this only
// moves its items in and out of the browser's storage.

export function readAreas() {
  return Promise.all([chrome.storage.sync.get(null), chrome.storage.local.get(null)]);
}

/** Writes a `save_settings` answer: each area is replaced by exactly the items given. */
export async function writeAreas(save) {
  const stale = async (area, keep) => {
    const old = Object.keys(await area.get(null)).filter((k) => !(k in keep));
    if (old.length) await area.remove(old);
  };
  // Write the new items first, then drop what the new layout no longer uses, so a
  // failure part-way leaves the old settings readable.
  if (Object.keys(save.local).length) await chrome.storage.local.set(save.local);
  await chrome.storage.sync.set(save.sync);
  await stale(chrome.storage.sync, save.sync);
  await stale(chrome.storage.local, save.local);
}
