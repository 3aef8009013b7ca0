/**
 * Province → prefecture options for the region filter, from the GB/T 2260 data the server's region
 * lookup uses (@vant/area-data). Loaded on demand: the data is not part of the initial bundle.
 */
export interface RegionOption {
  value: string;
  label: string;
  children?: RegionOption[];
}

export async function loadRegionOptions(): Promise<RegionOption[]> {
  const { areaList } = await import('@vant/area-data');
  const provinces = Object.entries(areaList.province_list).sort(([a], [b]) => a.localeCompare(b));
  const cities = Object.entries(areaList.city_list).sort(([a], [b]) => a.localeCompare(b));
  return provinces.map(([code, name]) => {
    const prefix = code.slice(0, 2);
    const children = cities
      .filter(([cityCode, cityName]) => cityCode.startsWith(prefix) && cityName !== name && !/直辖|^县$|^市辖区$/.test(cityName))
      .map(([cityCode, cityName]) => ({ value: cityCode, label: cityName }));
    return children.length > 0 ? { value: code, label: name, children } : { value: code, label: name };
  });
}
