/*
 * test_park.c - zone names in sentences (tests/extract/park.test): the left
 * edge of a name, zone kinds, nested zones and generic mentions. The case
 * file is the first argument; prints TAP.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../tap.h"
#include "extract_int.h"

int main(int argc, char **argv)
{
    char err[256], line[4096];
    zsi_gazetteer *g = NULL;
    FILE *f;

    if (argc < 2 || !(f = fopen(argv[1], "r"))) {
        tap_ok(0, "case file %s opens", argc > 1 ? argv[1] : "(none)");
        return tap_done();
    }
    if (!tap_ok(zsi_gazetteer_open(&g, err, sizeof err) == 0, "gazetteer loads (%s)", err)) {
        fclose(f);
        return tap_done();
    }
    while (fgets(line, sizeof line, f)) {
        size_t len = strcspn(line, "\n");
        line[len] = '\0';
        char *tab = strchr(line, '\t');
        if (!line[0] || line[0] == '#' || !tab)
            continue;
        *tab = '\0';
        const char *want = tab + 1;
        char **names = NULL, got[4096] = "";
        size_t nn = 0, w = 0;
        int rc = zsi_parks_extract(g, line, strlen(line), &names, &nn, NULL);
        for (size_t i = 0; i < nn && w < sizeof got; i++)
            w += (size_t)snprintf(got + w, sizeof got - w, "%s%s", i ? " " : "", names[i]);
        if (!nn)
            snprintf(got, sizeof got, "-");
        tap_ok(rc == 0 && strcmp(got, want) == 0, "%s -> %s (got %s)", line, want, got);
        zsi_names_free(names, nn);
    }
    fclose(f);
    zsi_gazetteer_free(g);
    return tap_done();
}
