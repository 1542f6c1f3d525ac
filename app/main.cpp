#include "app/application.h"

int main(int argc, char *argv[])
{
    Gantry::Application app(argc, argv);
    return app.run();
}
