# Every user-visible string is translated in both languages, and English says "1 layer" and
# "3 layers" (Qt's %n plural forms), never "3 layer(s)".
#   cmake -DTS_DIR=<translations folder> -P check_translations.cmake
foreach(language ja en)
  file(READ "${TS_DIR}/kotohajime_${language}.ts" ts)
  string(REGEX MATCHALL "<source>[^<]*</source>[ \n]*<translation type=\"unfinished\"" missing "${ts}")
  list(LENGTH missing count)
  if(count GREATER 0)
    message(FATAL_ERROR "kotohajime_${language}.ts: ${count} untranslated strings: ${missing}")
  endif()
endforeach()
file(READ "${TS_DIR}/kotohajime_en.ts" ts)
string(REGEX MATCHALL "<(translation|numerusform)>[^<]*\\(s\\)[^<]*</" shown "${ts}")
if(shown)
  message(FATAL_ERROR "kotohajime_en.ts shows \"(s)\": use tr(\"... %n item(s)\", nullptr, n) "
                      "and its plural forms: ${shown}")
endif()
