// Composition root: in progress.
int main()
{
    return 0;
}
